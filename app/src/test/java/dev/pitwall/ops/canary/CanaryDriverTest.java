package dev.pitwall.ops.canary;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who drives a canary, as its annotations tell (for status), and how long a process leases it. Taking the lease,
 * and the race between two drivers, is WriteGuardTest's and CanaryOnDemoTest's.
 */
class CanaryDriverTest {

    private static final Instant T0 = Instant.parse("2026-11-28T03:00:00Z");

    @Test
    void aCanaryWithoutOrWithAHandEditedLeaseHasNoDriver() {
        assertThat(CanaryDriver.Lease.of(Map.of())).isEmpty();
        assertThat(CanaryDriver.Lease.of(Map.of(CanaryAnnotations.DRIVER, "alice", CanaryAnnotations.DRIVEN_UNTIL,
                "soon"))).isEmpty();
        CanaryDriver.Lease alice = CanaryDriver.Lease.of(Map.of(CanaryAnnotations.DRIVER, "alice",
                CanaryAnnotations.DRIVEN_UNTIL, T0.plusSeconds(60).toString())).orElseThrow();
        assertThat(alice.heldAt(T0.plusSeconds(59))).isTrue();
        assertThat(alice.heldAt(T0.plusSeconds(60))).as("a driver that stopped lets go").isFalse();
    }

    @Test
    void aProcessLeasesThreeIntervalsAndNeverLessThanAMinute() {
        assertThat(CanaryDriver.thisProcess("alice", "console", Duration.ofSeconds(5)).lease())
                .isEqualTo(Duration.ofMinutes(1));
        CanaryDriver slow = CanaryDriver.thisProcess("alice", "canary start", Duration.ofMinutes(2));
        assertThat(slow.lease()).isEqualTo(Duration.ofMinutes(6));
        assertThat(slow.id()).startsWith("alice@").endsWith("(canary start, pid " + ProcessHandle.current().pid() + ")");
    }
}
