package dev.pitwall.demo.cluster;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CrashBackoffTest {

    private static final Instant T0 = Instant.parse("2026-11-27T22:00:00Z");

    @Test
    void doublesFromTenSecondsToFiveMinutesWhileCrashesFollowEachOther() {
        CrashBackoff backoff = new CrashBackoff();
        List<Long> waits = new ArrayList<>();
        Instant crash = T0;
        for (int i = 0; i < 8; i++) {
            Duration wait = backoff.next(crash);
            waits.add(wait.toSeconds());
            crash = crash.plus(wait).plusSeconds(90); // restarted, ran a minute and a half, crashed again
        }
        assertThat(waits).containsExactly(10L, 20L, 40L, 80L, 160L, 300L, 300L, 300L);
    }

    @Test
    void startsOverAfterTenMinutesWithoutACrash() {
        CrashBackoff backoff = new CrashBackoff();
        backoff.next(T0);
        backoff.next(T0.plusSeconds(60));
        assertThat(backoff.next(T0.plusSeconds(120))).isEqualTo(Duration.ofSeconds(40));
        assertThat(backoff.next(T0.plusSeconds(120).plus(Duration.ofMinutes(11)))).isEqualTo(Duration.ofSeconds(10));
    }
}
