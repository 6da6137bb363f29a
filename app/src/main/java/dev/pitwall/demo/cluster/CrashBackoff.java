package dev.pitwall.demo.cluster;

import java.time.Duration;
import java.time.Instant;

/**
 * Kubelet's restart back-off for one container: 10 s after a crash, doubling with each further crash up to 5 min,
 * and forgotten once the container has gone 10 min (twice the cap) without crashing.
 */
final class CrashBackoff {

    static final Duration INITIAL = Duration.ofSeconds(10);
    static final Duration MAX = Duration.ofMinutes(5);
    private static final Duration FORGET_AFTER = MAX.multipliedBy(2);

    private Duration current;
    private Instant lastCrash;

    /** The wait before restarting a container that crashed at {@code crashedAt}. */
    Duration next(Instant crashedAt) {
        if (lastCrash == null || Duration.between(lastCrash, crashedAt).compareTo(FORGET_AFTER) > 0) {
            current = INITIAL;
        } else {
            Duration doubled = current.multipliedBy(2);
            current = doubled.compareTo(MAX) > 0 ? MAX : doubled;
        }
        lastCrash = crashedAt;
        return current;
    }
}
