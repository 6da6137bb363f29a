package dev.pitwall.ops.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Time for a replay: the wall clock for the journal, a monotonic clock for pacing, and waiting. Waiting is how a
 * throttle works; tests give a pacer whose waits move a virtual clock instead.
 */
public interface Pacer {

    Instant now();

    long nanoTime();

    void sleep(Duration d) throws InterruptedException;

    static Pacer system() {
        Clock clock = Clock.systemUTC();
        return new Pacer() {
            @Override
            public Instant now() {
                return clock.instant();
            }

            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(Duration d) throws InterruptedException {
                if (!d.isNegative() && !d.isZero()) {
                    Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
                }
            }
        };
    }
}
