package dev.pitwall.ops.canary;

import dev.pitwall.ops.canary.CanaryCluster.CanaryPod;
import dev.pitwall.ops.canary.CanarySignals.RunOutcome;
import dev.pitwall.ops.canary.GateReading.Verdict;
import dev.pitwall.ops.rollback.Heartbeat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Evaluates the gates, canary against stable, from one look at the pods and the signals. It remembers what the
 * volume gates and a heartbeat grace need across evaluations (each canary volume's samples, when each pod became
 * ready); a new evaluator starts those afresh, which only delays those verdicts by an evaluation or two.
 */
final class GateEvaluator {

    private final CanarySignals signals;
    private final VolumeGates volumes;
    private final Map<String, Instant> readySince = new HashMap<>();

    GateEvaluator(CanarySignals signals) {
        this.signals = signals;
        this.volumes = new VolumeGates(signals);
    }

    List<GateReading> evaluate(CanaryRecord r, String expectedMode, String groupId, List<CanaryPod> canary,
                               Instant now) {
        GateThresholds t = r.settings().thresholds();
        List<GateReading> readings = new ArrayList<>();
        readings.add(guarded(Gate.FAILURE_RATE, () -> failureRate(r, t)));
        readings.add(restarts(t, canary));
        readings.addAll(volumes.evaluate(t, canary, r.workload().namespace(), now));
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
