package dev.pitwall.ops.canary;

import dev.pitwall.ops.canary.CanaryCluster.CanaryPod;
import dev.pitwall.ops.canary.CanarySignals.RunOutcome;
import dev.pitwall.ops.canary.CanarySignals.VolumeUse;
import dev.pitwall.ops.canary.GateReading.Verdict;
import dev.pitwall.ops.rollback.Heartbeat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Evaluates the gates, canary against stable, from one look at the pods and the signals. It remembers what a fill
 * rate and a heartbeat grace need across evaluations (volume samples of the last minutes, when each pod became
 * ready); a new evaluator starts those afresh, which only delays those two verdicts by a few minutes.
 */
final class GateEvaluator {

    /** Fill rates are measured over this window, and judged once a pod has been sampled for {@link #MIN_SPAN}. */
    static final Duration WINDOW = Duration.ofMinutes(10);
    static final Duration MIN_SPAN = Duration.ofMinutes(2);
    private static final double MIB = 1024 * 1024;

    private final CanarySignals signals;
    private final Map<String, Deque<Sample>> volumeSamples = new HashMap<>();
    private final Map<String, Instant> readySince = new HashMap<>();

    GateEvaluator(CanarySignals signals) {
        this.signals = signals;
    }

    private record Sample(Instant at, long used, long capacity) {
    }

    List<GateReading> evaluate(CanaryRecord r, String expectedMode, String groupId, List<CanaryPod> canary,
                               Instant now) {
        GateThresholds t = r.settings().thresholds();
        List<GateReading> readings = new ArrayList<>();
        readings.add(guarded(Gate.FAILURE_RATE, () -> failureRate(r, t)));
        readings.add(restarts(t, canary));
        readings.add(guarded(Gate.VOLUME, () -> volume(r, t, canary, now)));
        readings.add(guarded(Gate.HEARTBEATS, () -> heartbeats(r, t, expectedMode, canary, now)));
        readings.add(guarded(Gate.QUEUE_DEPTH, () -> queue(r, t, groupId)));
        return readings;
    }

    private interface Reading {
        GateReading get();
    }

    private static GateReading guarded(Gate gate, Reading reading) {
        try {
            return reading.get();
        } catch (CanarySignals.SignalException e) {
            return new GateReading(gate, Verdict.UNAVAILABLE, "not measured: " + e.getMessage(), "-");
        }
    }

    private GateReading failureRate(CanaryRecord r, GateThresholds t) {
        String threshold = "canary at most " + number(t.maxFailureRateDelta()) + " points above stable, judged after "
                + t.minRuns() + " canary runs";
        Optional<List<RunOutcome>> runs = signals.finishedRuns(r.startedAt());
        if (runs.isEmpty()) {
            return new GateReading(Gate.FAILURE_RATE, Verdict.UNAVAILABLE, "not measured: no platform in this profile",
                    threshold);
        }
        // by name, not by the pods there are now: pods the steps removed still count for the runs they ran
        String canaryPrefix = r.canaryName() + "-";
        String mainPrefix = r.workload().name() + "-";
        int cRuns = 0;
        int cFailed = 0;
        int sRuns = 0;
        int sFailed = 0;
        for (RunOutcome run : runs.get()) {
            if (run.workerId().startsWith(canaryPrefix)) {
                cRuns++;
                cFailed += run.failed() ? 1 : 0;
            } else if (run.workerId().startsWith(mainPrefix)) {
                sRuns++;
                sFailed += run.failed() ? 1 : 0;
            }
        }
        double cRate = cRuns == 0 ? 0 : 100.0 * cFailed / cRuns;
        double sRate = sRuns == 0 ? 0 : 100.0 * sFailed / sRuns;
        String measured = "canary " + number(cRate) + "% of " + cRuns + " runs failed, stable " + number(sRate)
                + "% of " + sRuns;
        if (cRuns < t.minRuns()) {
            return new GateReading(Gate.FAILURE_RATE, Verdict.WAITING, measured, threshold);
        }
        return new GateReading(Gate.FAILURE_RATE, cRate - sRate > t.maxFailureRateDelta() ? Verdict.FAIL
                : Verdict.PASS, measured, threshold);
    }

    private static GateReading restarts(GateThresholds t, List<CanaryPod> canary) {
        String threshold = "at most " + t.maxRestarts() + " restarts per pod, no crash-loop";
        List<String> looping = canary.stream().filter(CanaryPod::crashLooping).map(CanaryPod::name).toList();
        CanaryPod most = canary.stream().max(java.util.Comparator.comparingInt(CanaryPod::restarts)).orElse(null);
        int worst = most == null ? 0 : most.restarts();
        String measured = (most == null ? "no canary pods yet" : worst + " restarts (most: " + most.name() + ")")
                + (looping.isEmpty() ? "" : ", crash-looping: " + String.join(", ", looping));
        Verdict verdict = !looping.isEmpty() || worst > t.maxRestarts() ? Verdict.FAIL
                : most == null ? Verdict.WAITING : Verdict.PASS;
        return new GateReading(Gate.RESTARTS, verdict, measured, threshold);
    }

    private GateReading volume(CanaryRecord r, GateThresholds t, List<CanaryPod> canary, Instant now) {
        String threshold = "at most " + number(t.maxFillMibPerMinute()) + " MiB/min, full in no less than "
                + duration(t.minTimeToFull());
        Set<String> nodes = new HashSet<>();
        canary.forEach(p -> {
            if (p.node() != null) {
                nodes.add(p.node());
            }
        });
        Optional<List<VolumeUse>> uses = signals.volumes(r.workload().namespace(), nodes);
        if (uses.isEmpty()) {
            return new GateReading(Gate.VOLUME, Verdict.UNAVAILABLE, "not measured: no volume statistics", threshold);
        }
        Set<String> names = names(canary);
        double worstRate = -1;
        String worstText = null;
        boolean fail = false;
        boolean measured = false;
        for (VolumeUse use : uses.get()) {
            if (!names.contains(use.pod()) || use.capacityBytes() <= 0 || use.volume().startsWith("kube-api-access")) {
                continue;
            }
            String key = use.pod() + "/" + use.volume();
            Deque<Sample> samples = volumeSamples.computeIfAbsent(key, k -> new ArrayDeque<>());
            if (!samples.isEmpty() && use.usedBytes() < samples.peekLast().used()) {
                samples.clear(); // the cache was cleaned at a container start: a new curve begins
            }
            samples.addLast(new Sample(now, use.usedBytes(), use.capacityBytes()));
            while (samples.size() > 2 && Duration.between(samples.peekFirst().at(), now).compareTo(WINDOW) > 0) {
                samples.removeFirst();
            }
            double percent = 100.0 * use.usedBytes() / use.capacityBytes();
            if (percent >= 95) {
                fail = true;
                worstText = use.pod() + " cache " + number(percent) + "% full";
                worstRate = Double.MAX_VALUE;
                continue;
            }
            Sample first = samples.peekFirst();
            Duration span = Duration.between(first.at(), now);
            if (span.compareTo(MIN_SPAN) < 0) {
                continue;
            }
            measured = true;
            double perMinute = (use.usedBytes() - first.used()) / MIB / (span.toMillis() / 60_000.0);
            Duration toFull = perMinute <= 0 ? null : Duration.ofSeconds((long)
                    ((use.capacityBytes() - use.usedBytes()) / MIB / perMinute * 60));
            boolean bad = perMinute > t.maxFillMibPerMinute()
                    || (toFull != null && toFull.compareTo(t.minTimeToFull()) < 0);
            if (perMinute > worstRate) {
                worstRate = perMinute;
                worstText = use.pod() + " cache fills at " + number(perMinute) + " MiB/min, "
                        + (toFull == null ? "not filling" : "full in " + duration(toFull)) + " ("
                        + number(percent) + "% used)";
            }
            fail |= bad;
        }
        if (worstText == null) {
            return new GateReading(Gate.VOLUME, Verdict.WAITING, "sampling the canary's volumes", threshold);
        }
        return new GateReading(Gate.VOLUME, fail ? Verdict.FAIL : measured ? Verdict.PASS : Verdict.WAITING,
                worstText, threshold);
    }

    private GateReading heartbeats(CanaryRecord r, GateThresholds t, String expectedMode, List<CanaryPod> canary,
                                   Instant now) {
        String version = r.settings().versionTag();
        String threshold = "every ready pod reports within " + duration(t.heartbeatGrace())
                + (version.isEmpty() ? "" : ", version " + version)
                + (expectedMode == null || expectedMode.isEmpty() ? "" : ", mode " + expectedMode);
        Optional<List<Heartbeat>> beats = signals.heartbeats();
        if (beats.isEmpty()) {
            return new GateReading(Gate.HEARTBEATS, Verdict.UNAVAILABLE, "not measured: no Redis in this profile",
                    threshold);
        }
        Map<String, Heartbeat> byWorker = new HashMap<>();
        beats.get().forEach(b -> byWorker.put(b.workerId(), b));
        List<String> problems = new ArrayList<>();
        int reporting = 0;
        int ready = 0;
        readySince.keySet().retainAll(names(canary));
        for (CanaryPod pod : canary) {
            if (!pod.ready()) {
                readySince.remove(pod.name());
                continue;
            }
            ready++;
            Instant since = readySince.computeIfAbsent(pod.name(), n -> now);
            Heartbeat beat = byWorker.get(pod.name());
            Instant heard = beat == null ? null : beat.updatedAt();
            // an entry left behind by a worker that stopped writing is silence too (Activepieces' own rule)
            boolean stale = heard != null && Duration.between(heard, now).compareTo(t.heartbeatGrace()) > 0;
            if (beat == null || stale) {
                // silence counts from when the pod became ready, or from its last heartbeat when that came later
                Duration silent = Duration.between(stale && heard.isAfter(since) ? heard : since, now);
                if (silent.compareTo(t.heartbeatGrace()) > 0) {
                    problems.add(pod.name() + " silent for " + duration(silent) + (stale ? " (last heartbeat "
                            + duration(Duration.between(heard, now)) + " ago)" : ""));
                }
                continue;
            }
            reporting++;
            if (!version.isEmpty() && !version.equals(beat.version())) {
                problems.add(pod.name() + " reports version " + beat.version());
            }
            if (expectedMode != null && !expectedMode.isEmpty() && !expectedMode.equals(beat.executionMode())) {
                problems.add(pod.name() + " reports mode " + beat.executionMode());
            }
        }
        String measured = reporting + " of " + ready + " ready canary pods reporting"
                + (problems.isEmpty() ? "" : ": " + String.join(", ", problems));
        Verdict verdict = !problems.isEmpty() ? Verdict.FAIL : ready == 0 || reporting < ready ? Verdict.WAITING
                : Verdict.PASS;
        return new GateReading(Gate.HEARTBEATS, verdict, measured, threshold);
    }

    private GateReading queue(CanaryRecord r, GateThresholds t, String groupId) {
        String threshold = r.queueBaseline() < 0 ? "at most " + t.maxQueueGrowth() + " more than at the start"
                : "at most " + (r.queueBaseline() + t.maxQueueGrowth()) + " waiting (" + r.queueBaseline()
                + " at the start + " + t.maxQueueGrowth() + ")";
        OptionalLong waiting = signals.waitingJobs(groupId);
        if (waiting.isEmpty()) {
            return new GateReading(Gate.QUEUE_DEPTH, Verdict.UNAVAILABLE, "not measured: no Redis in this profile",
                    threshold);
        }
        if (r.queueBaseline() < 0) {
            return new GateReading(Gate.QUEUE_DEPTH, Verdict.UNAVAILABLE, waiting.getAsLong()
                    + " jobs waiting; no depth was measured at the start to compare with", threshold);
        }
        long baseline = r.queueBaseline();
        return new GateReading(Gate.QUEUE_DEPTH, waiting.getAsLong() > baseline + t.maxQueueGrowth() ? Verdict.FAIL
                : Verdict.PASS, waiting.getAsLong() + " jobs waiting", threshold);
    }

    private static Set<String> names(List<CanaryPod> pods) {
        Set<String> names = new HashSet<>();
        pods.forEach(p -> names.add(p.name()));
        return names;
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** "2h", "34m", "45s": what an operator reads at a glance. */
    static String duration(Duration d) {
        if (d.toHours() >= 1) {
            long minutes = d.toMinutesPart();
            return d.toHours() + "h" + (minutes == 0 ? "" : " " + minutes + "m");
        }
        return d.toMinutes() >= 1 ? d.toMinutes() + "m" : d.toSeconds() + "s";
    }
}
