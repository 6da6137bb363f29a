package dev.pitwall.ops.canary;

import dev.pitwall.ops.canary.CanaryCluster.CanaryPod;
import dev.pitwall.ops.canary.CanarySignals.VolumeUse;
import dev.pitwall.ops.canary.GateReading.Verdict;
import dev.pitwall.ops.fleet.ForecastRule;
import dev.pitwall.ops.fleet.VolumeForecast;
import dev.pitwall.ops.fleet.VolumeHistory;
import dev.pitwall.ops.fleet.VolumeSample;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fill-rate and time-to-full gates, on the canary pods' own volumes: their emptyDirs, and the claims named after
 * them (a StatefulSet's claim templates name a pod's claim {@code <template>-<pod>}, a generic ephemeral volume
 * {@code <pod>-<volume>}); a claim shared with other pods says nothing of the canary. Samples are timed by the
 * kubelet, not by whoever evaluates, so a driver on another clock (or one that evaluates seldom) measures the same
 * rates. The rate is judged from the first sample: a worker's cache is emptied at its start, so the first sample's
 * rate is its use over the time since the container started; after that, the growth since the last sample. Two
 * samples in a row over the threshold fail the fill rate. Time to full is the forecast the Fleet screen shows
 * ({@link VolumeForecast}), on the samples of the current fill.
 */
final class VolumeGates {

    /** The canary samples when it evaluates (every 30 s by default, minutes apart when told so). */
    static final ForecastRule FORECAST = new ForecastRule(3, Duration.ofMinutes(1), Duration.ofMinutes(30));
    /** Samples in a row over the fill-rate threshold that fail the gate: one jump is not a trend. */
    static final int OVER_IN_A_ROW = 2;
    /** A cache this full fails the time-to-full gate whatever its rate. */
    private static final double FULL_PERCENT = 95;
    private static final double MIB = 1024 * 1024;

    private final CanarySignals signals;
    private final Map<String, Fill> fills = new HashMap<>();

    VolumeGates(CanarySignals signals) {
        this.signals = signals;
    }

    /** One volume's fill as the gates follow it. */
    private static final class Fill {
        final VolumeHistory history = new VolumeHistory(FORECAST);
        String pod;
        double percent;
        Double rate;
        int over;
    }

    /** The FILL_RATE and TIME_TO_FULL readings for the canary's pods now. */
    List<GateReading> evaluate(GateThresholds t, List<CanaryPod> canary, String namespace, Instant now) {
        String rateThreshold = "at most " + GateEvaluator.number(t.maxFillMibPerMinute()) + " MiB/min per canary "
                + "volume (" + OVER_IN_A_ROW + " samples in a row over it fail)";
        String fullThreshold = "full in no less than " + GateEvaluator.duration(t.minTimeToFull());
        List<VolumeUse> uses;
        try {
            uses = signals.volumes(namespace, nodes(canary)).orElse(null);
        } catch (CanarySignals.SignalException e) {
            return both(Verdict.UNAVAILABLE, "not measured: " + e.getMessage(), rateThreshold, fullThreshold);
        }
        if (uses == null) {
            return both(Verdict.UNAVAILABLE, "not measured: no volume statistics", rateThreshold, fullThreshold);
        }
        Map<String, CanaryPod> pods = new HashMap<>();
        canary.forEach(p -> pods.put(p.name(), p));
        Set<String> seen = new HashSet<>();
        for (VolumeUse use : uses) {
            CanaryPod pod = pods.get(use.pod());
            if (pod != null && own(use)) {
                String key = use.claim() != null ? use.claim() : use.pod() + "/" + use.volume();
                seen.add(key);
                sample(fills.computeIfAbsent(key, k -> new Fill()), use, pod, t, now);
            }
        }
        fills.keySet().retainAll(seen);
        if (fills.isEmpty()) {
            return both(Verdict.WAITING, "sampling the canary's volumes", rateThreshold, fullThreshold);
        }
        return List.of(fillRate(rateThreshold), timeToFull(t, fullThreshold));
    }

    /** The pod's own volume with usage figures: not the service-account token, not a claim shared with others. */
    private static boolean own(VolumeUse use) {
        if (use.capacityBytes() <= 0 || use.volume().startsWith("kube-api-access")) {
            return false;
        }
        return use.claim() == null || use.claim().endsWith("-" + use.pod()) || use.claim().startsWith(use.pod() + "-");
    }

    private static void sample(Fill fill, VolumeUse use, CanaryPod pod, GateThresholds t, Instant now) {
        Instant at = use.at() != null ? use.at() : now;
        fill.pod = use.pod();
        fill.percent = 100.0 * use.usedBytes() / use.capacityBytes();
        if (!fill.history.add(at, use.usedBytes(), use.capacityBytes())) {
            return; // the kubelet's stats are cached: the same reading again says nothing new
        }
        List<VolumeSample> samples = fill.history.fill();
        Double rate;
        if (samples.size() >= 2) {
            VolumeSample before = samples.get(samples.size() - 2);
            rate = perMinute(use.usedBytes() - before.usedBytes(), Duration.between(before.at(), at));
        } else {
            fill.over = 0; // a new fill: the cache was emptied at a container start
            rate = pod.startedAt() == null || !at.isAfter(pod.startedAt()) ? null
                    : perMinute(use.usedBytes(), Duration.between(pod.startedAt(), at));
        }
        if (rate != null) {
            fill.rate = rate;
            fill.over = rate > t.maxFillMibPerMinute() ? fill.over + 1 : 0;
        }
    }

    private static double perMinute(long bytes, Duration span) {
        return bytes / MIB / (span.toMillis() / 60_000.0);
    }

    private GateReading fillRate(String threshold) {
        Fill worst = null;
        for (Fill f : fills.values()) {
            if (f.rate != null && (worst == null || f.over > worst.over
                    || (f.over == worst.over && f.rate > worst.rate))) {
                worst = f;
            }
        }
        if (worst == null) {
            return new GateReading(Gate.FILL_RATE, Verdict.WAITING, "sampling the canary's volumes", threshold);
        }
        String measured = worst.pod + " volume fills at " + GateEvaluator.number(worst.rate) + " MiB/min"
                + (worst.over > 0 ? " (" + worst.over + " sample" + (worst.over == 1 ? "" : "s")
                + " in a row over)" : "") + ", " + GateEvaluator.number(worst.percent) + "% used";
        return new GateReading(Gate.FILL_RATE, worst.over >= OVER_IN_A_ROW ? Verdict.FAIL : Verdict.PASS, measured,
                threshold);
    }

    private GateReading timeToFull(GateThresholds t, String threshold) {
        Fill soonest = null;
        long soonestSeconds = Long.MAX_VALUE;
        String waiting = null;
        for (Fill f : fills.values()) {
            if (f.percent >= FULL_PERCENT) {
                return new GateReading(Gate.TIME_TO_FULL, Verdict.FAIL, f.pod + " volume "
                        + GateEvaluator.number(f.percent) + "% full", threshold);
            }
            VolumeForecast.Result forecast = f.history.forecast();
            if (forecast.filling() && forecast.secondsToFull() < soonestSeconds) {
                soonest = f;
                soonestSeconds = forecast.secondsToFull();
            } else if (!forecast.fitted()) {
                waiting = forecast.reason();
            }
        }
        if (soonest == null) {
            return waiting != null ? new GateReading(Gate.TIME_TO_FULL, Verdict.WAITING, waiting, threshold)
                    : new GateReading(Gate.TIME_TO_FULL, Verdict.PASS, "no canary volume is filling", threshold);
        }
        Duration toFull = Duration.ofSeconds(soonestSeconds);
        return new GateReading(Gate.TIME_TO_FULL, toFull.compareTo(t.minTimeToFull()) < 0 ? Verdict.FAIL
                : Verdict.PASS, soonest.pod + " volume full in " + GateEvaluator.duration(toFull) + " ("
                + GateEvaluator.number(soonest.percent) + "% used)", threshold);
    }

    private static Set<String> nodes(List<CanaryPod> canary) {
        Set<String> nodes = new HashSet<>();
        canary.forEach(p -> {
            if (p.node() != null) {
                nodes.add(p.node());
            }
        });
        return nodes;
    }

    private static List<GateReading> both(Verdict verdict, String measured, String rateThreshold,
                                          String fullThreshold) {
        return List.of(new GateReading(Gate.FILL_RATE, verdict, measured, rateThreshold),
                new GateReading(Gate.TIME_TO_FULL, verdict, measured, fullThreshold));
    }
}
