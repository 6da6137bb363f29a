package dev.pitwall.ops.fleet;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class FleetFormatsTest {

    @Test
    void figuresReadTheSameEverywhere() {
        assertThat(FleetFormats.bytes(512)).isEqualTo("512 B");
        assertThat(FleetFormats.bytes(1536L * 1024 * 1024)).isEqualTo("1.5 GiB");
        assertThat(FleetFormats.bytes(2L * 1024 * 1024 * 1024)).isEqualTo("2.0 GiB");
        assertThat(FleetFormats.bytes(250L * 1024 * 1024)).isEqualTo("250 MiB");
        assertThat(FleetFormats.fillRate(1024 * 1024 / 6.0)).isEqualTo("+10.0 MiB/min");
        assertThat(FleetFormats.fullIn(23 * 60 + 5)).isEqualTo("full in ~23 min");
        assertThat(FleetFormats.fullIn(2 * 3600 + 5 * 60)).isEqualTo("full in ~2 h 05 min");
        assertThat(FleetFormats.fullIn(0)).isEqualTo("full now");
        assertThat(FleetFormats.approx(Duration.ofDays(3).plusHours(4))).isEqualTo("3 d 4 h");
        assertThat(FleetFormats.age(Duration.ofSeconds(12))).isEqualTo("12 s");
        assertThat(FleetFormats.age(Duration.ofSeconds(185))).isEqualTo("3 min 05 s");
        assertThat(FleetFormats.percent(42.5)).isEqualTo("43%");
        assertThat(FleetFormats.percent(7.2)).isEqualTo("7%");
    }
}
