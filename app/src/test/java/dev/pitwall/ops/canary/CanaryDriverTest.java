package dev.pitwall.ops.canary;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The driver lease that keeps two processes from driving one canary. */
class CanaryDriverTest {

    private static final Instant T0 = Instant.parse("2026-11-28T03:00:00Z");

    @Test
    void anotherDriversLeaseHoldsUntilItRunsOutAndOnesOwnLeaseNeverBlocks() {
        CanaryDriver alice = new CanaryDriver("alice@laptop (console, pid 1)", Duration.ofMinutes(2));
        CanaryDriver bob = new CanaryDriver("bob@jump (canary start, pid 2)", Duration.ofMinutes(1));
        Map<String, String> annotations = new HashMap<>(alice.renewal(T0));

        assertThat(bob.other(annotations, T0.plusSeconds(119))).get()
                .satisfies(l -> assertThat(l.driver()).isEqualTo("alice@laptop (console, pid 1)"));
        assertThat(bob.other(annotations, T0.plusSeconds(120))).as("alice's lease ran out").isEmpty();
        assertThat(alice.other(annotations, T0.plusSeconds(10))).as("alice renews her own").isEmpty();
    }

    @Test
    void aCanaryWithoutOrWithAHandEditedLeaseHasNoDriver() {
        CanaryDriver bob = new CanaryDriver("bob", Duration.ofMinutes(1));
        assertThat(bob.other(Map.of(), T0)).isEmpty();
        assertThat(bob.other(Map.of(CanaryDriver.DRIVER, "alice", CanaryDriver.DRIVEN_UNTIL, "soon"), T0)).isEmpty();
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
