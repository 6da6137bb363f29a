package dev.pitwall.ops.fleet;

import java.time.Duration;

/**
 * How much history a volume forecast needs: at least {@code minSamples} samples spanning {@code minSpan}, taken from
 * the last {@code window}. The default suits the kubelet's 30 s cadence; a demo that runs time faster can ask for less.
 */
public record ForecastRule(int minSamples, Duration minSpan, Duration window) {

    public static final ForecastRule DEFAULT = new ForecastRule(5, Duration.ofMinutes(2), Duration.ofMinutes(15));

    public ForecastRule {
        if (minSamples < 2) {
            throw new IllegalArgumentException("a fit needs at least 2 samples");
        }
    }
}
