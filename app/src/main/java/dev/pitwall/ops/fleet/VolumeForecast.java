package dev.pitwall.ops.fleet;

import java.time.Duration;
import java.util.List;

/**
 * When will a volume be full? A least-squares line through the recent samples. No forecast is made from too few
 * samples (a single jump would look like a trend), nor when usage is flat or falling (there is nothing to forecast).
 */
public final class VolumeForecast {

    /** Fitted growth over the sampled span below this many bytes counts as flat: kubelet figures jitter a little. */
    static final long FLAT_FLOOR_BYTES = 1024 * 1024;
    /** ... or below this share of the capacity, for large volumes. */
    static final double FLAT_FLOOR_SHARE = 0.001;

    private VolumeForecast() {
    }

    /**
     * The outcome of a fit: a fill rate and time to full, or the reason there is none.
     *
     * @param fitted whether the samples were enough to judge (flat and falling usage are judged too)
     */
    public record Result(Double bytesPerSecond, Long secondsToFull, String reason, boolean fitted) {

        static Result none(String reason) {
            return new Result(null, null, reason, true);
        }

        public boolean filling() {
            return bytesPerSecond != null;
        }
    }

    /** Fits {@code samples} (oldest first) of a volume of {@code capacityBytes}, if the rule's history is there. */
    public static Result fit(List<VolumeSample> samples, long capacityBytes, ForecastRule rule) {
        int n = samples.size();
        Duration span = n < 2 ? Duration.ZERO : Duration.between(samples.get(0).at(), samples.get(n - 1).at());
        if (n < rule.minSamples() || span.compareTo(rule.minSpan()) < 0) {
            return new Result(null, null, "forecast needs " + rule.minSamples() + " samples over "
                    + span(rule.minSpan()) + " (have " + n + " over " + span.toSeconds() + " s)", false);
        }
        long t0 = samples.get(0).at().toEpochMilli();
        double meanX = 0;
        double meanY = 0;
        for (VolumeSample s : samples) {
            meanX += (s.at().toEpochMilli() - t0) / 1000.0;
            meanY += s.usedBytes();
        }
        meanX /= n;
        meanY /= n;
        double sxy = 0;
        double sxx = 0;
        for (VolumeSample s : samples) {
            double dx = (s.at().toEpochMilli() - t0) / 1000.0 - meanX;
            sxy += dx * (s.usedBytes() - meanY);
            sxx += dx * dx;
        }
        double slope = sxy / sxx;
        double fittedGrowth = slope * span.toMillis() / 1000.0;
        double floor = Math.max(FLAT_FLOOR_BYTES, FLAT_FLOOR_SHARE * capacityBytes);
        if (Math.abs(fittedGrowth) < floor) {
            return Result.none("usage is flat");
        }
        if (slope < 0) {
            return Result.none("usage is falling");
        }
        long last = samples.get(n - 1).usedBytes();
        long left = Math.max(0, capacityBytes - last);
        return new Result(slope, (long) Math.ceil(left / slope), null, true);
    }

    private static String span(Duration d) {
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }
}
