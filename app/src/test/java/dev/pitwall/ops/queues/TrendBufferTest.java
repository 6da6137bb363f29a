package dev.pitwall.ops.queues;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrendBufferTest {

    private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void keepsThirtyMinutesOfTwoSecondSamplesInAFixedRing() {
        TrendBuffer buffer = new TrendBuffer(Duration.ofMinutes(30), Duration.ofSeconds(2));
        assertThat(buffer.capacity()).isEqualTo(901);
        for (int i = 0; i < 5000; i++) { // almost 3 hours of samples
            buffer.add(new TrendPoint(T0.plusSeconds(2L * i), i, 0, 0));
        }
        Instant now = T0.plusSeconds(2L * 4999);
        List<TrendPoint> points = buffer.points(now);
        assertThat(points).hasSize(901);
        assertThat(points.get(0).at()).isEqualTo(now.minus(Duration.ofMinutes(30)));
        assertThat(points.get(points.size() - 1).waiting()).isEqualTo(4999);
        for (int i = 1; i < points.size(); i++) {
            assertThat(points.get(i).at()).isAfter(points.get(i - 1).at());
        }
    }

    @Test
    void pointsOlderThanTheSpanAreLeftOutWhenRefreshingStopped() {
        TrendBuffer buffer = new TrendBuffer(Duration.ofMinutes(30), Duration.ofSeconds(2));
        buffer.add(new TrendPoint(T0, 1, 0, 0));
        buffer.add(new TrendPoint(T0.plusSeconds(2), 2, 0, 0));
        assertThat(buffer.points(T0.plus(Duration.ofMinutes(30)).plusSeconds(1))).extracting(TrendPoint::waiting)
                .containsExactly(2L);
        assertThat(buffer.points(T0.plus(Duration.ofMinutes(40)))).isEmpty();
    }
}
