package dev.pitwall.ops.fleet;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class VolumeForecastTest {

    private static final long GIB = 1024L * 1024 * 1024;
    private static final Instant T0 = Instant.parse("2026-11-27T22:00:00Z");

    /** Samples every 30 s starting at {@code used0}, growing {@code perSample} bytes each. */
    private static List<VolumeSample> samples(int n, long used0, long perSample) {
        List<VolumeSample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new VolumeSample(T0.plusSeconds(30L * i), used0 + perSample * i));
        }
        return out;
    }

    private static VolumeForecast.Result fit(List<VolumeSample> samples) {
        return VolumeForecast.fit(samples, 2 * GIB, ForecastRule.DEFAULT);
    }

    @Test
    void aRisingVolumeGetsItsFillRateAndTimeToFull() {
        // 1 GiB used, +30 MiB per 30 s = 1 MiB/s; after 5 samples 1 GiB + 120 MiB used; (2 GiB - that) / 1 MiB/s
        VolumeForecast.Result r = fit(samples(5, GIB, 30L * 1024 * 1024));
        assertThat(r.filling()).isTrue();
        assertThat(r.bytesPerSecond()).isCloseTo(1024 * 1024, within(1.0));
        assertThat(r.secondsToFull()).isEqualTo(1024 - 120);
    }

    @Test
    void noisyButRisingSamplesStillFitTheTrend() {
        List<VolumeSample> s = new ArrayList<>(samples(8, GIB, 10L * 1024 * 1024));
        s.set(3, new VolumeSample(s.get(3).at(), s.get(3).usedBytes() + 4 * 1024 * 1024));
        VolumeForecast.Result r = fit(s);
        assertThat(r.bytesPerSecond()).isCloseTo(10 * 1024 * 1024 / 30.0, within(20_000.0));
    }

    @Test
    void aFlatVolumeHasNoForecast() {
        VolumeForecast.Result r = fit(samples(10, GIB, 1000));
        assertThat(r.filling()).isFalse();
        assertThat(r.secondsToFull()).isNull();
        assertThat(r.reason()).isEqualTo("usage is flat");
    }

    @Test
    void aFallingVolumeHasNoForecast() {
        VolumeForecast.Result r = fit(samples(10, GIB, -20L * 1024 * 1024));
        assertThat(r.filling()).isFalse();
        assertThat(r.reason()).isEqualTo("usage is falling");
    }

    @Test
    void tooFewSamplesGiveNoForecastWhateverTheTrend() {
        VolumeForecast.Result four = fit(samples(4, GIB, 100L * 1024 * 1024));
        assertThat(four.filling()).isFalse();
        assertThat(four.reason()).contains("needs 5 samples over 2 min").contains("have 4 over 90 s");
    }

    @Test
    void fiveSamplesInUnderTwoMinutesAreNotEnough() {
        List<VolumeSample> quick = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            quick.add(new VolumeSample(T0.plusSeconds(10L * i), GIB + 50L * 1024 * 1024 * i));
        }
        assertThat(fit(quick).filling()).isFalse();
    }

    @Test
    void aRuleForFastTimeForecastsFromLessHistory() {
        List<VolumeSample> quick = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            quick.add(new VolumeSample(T0.plusSeconds(2L * i), GIB + 50L * 1024 * 1024 * i));
        }
        ForecastRule fast = new ForecastRule(3, java.time.Duration.ofSeconds(4), java.time.Duration.ofMinutes(1));
        assertThat(VolumeForecast.fit(quick, 2 * GIB, fast).filling()).isTrue();
        assertThat(fit(quick).reason())
                .isEqualTo("forecast needs 5 samples over 2 min (have 3 over 4 s)");
    }

    @Test
    void theHistoryForecastsOnlyTheFillSinceTheLastBigDrop() {
        VolumeHistory h = new VolumeHistory(ForecastRule.DEFAULT);
        for (int i = 0; i < 10; i++) {
            h.add(T0.plusSeconds(30L * i), GIB + 50L * 1024 * 1024 * i, 2 * GIB);
        }
        // the worker restarted and its cache was emptied: a new fill starts, with too few samples yet
        h.add(T0.plusSeconds(300), 10L * 1024 * 1024, 2 * GIB);
        h.add(T0.plusSeconds(330), 20L * 1024 * 1024, 2 * GIB);
        assertThat(h.forecast().filling()).isFalse();
        assertThat(h.forecast().reason()).contains("have 2");
        assertThat(h.samples()).hasSize(12);
    }
}
