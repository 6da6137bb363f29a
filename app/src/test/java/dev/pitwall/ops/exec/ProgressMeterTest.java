package dev.pitwall.ops.exec;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressMeterTest {

    private final Instant t0 = Instant.parse("2026-11-28T03:00:00Z");

    @Test
    void rateAndEtaFollowTheRecentWindow() {
        ProgressMeter meter = new ProgressMeter(Duration.ofSeconds(10));
        assertThat(meter.ratePerSecond()).isEmpty();
        meter.record(t0, 0);
        meter.record(t0.plusSeconds(5), 500);
        assertThat(meter.ratePerSecond()).hasValue(100.0);
        assertThat(meter.eta(500, 1500)).hasValue(Duration.ofSeconds(10));
        // a stall: after the window has moved past the burst the rate drops instead of staying averaged
        meter.record(t0.plusSeconds(20), 500);
        meter.record(t0.plusSeconds(25), 500);
        assertThat(meter.ratePerSecond()).hasValue(0.0);
        assertThat(meter.eta(500, 1500)).isEmpty();
    }

    @Test
    void durationsReadNaturally() {
        assertThat(ProgressMeter.formatDuration(Duration.ofSeconds(12))).isEqualTo("12 s");
        assertThat(ProgressMeter.formatDuration(Duration.ofSeconds(200))).isEqualTo("3 min 20 s");
        assertThat(ProgressMeter.formatDuration(Duration.ofSeconds(3720))).isEqualTo("1 h 02 min");
    }
}
