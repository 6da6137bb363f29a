package dev.pitwall.ui.canary;

import dev.pitwall.ops.canary.CanarySettings;
import dev.pitwall.ops.canary.GateThresholds;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wizard's text fields read as canary settings; every unusable field is an IllegalArgumentException that names
 * the field, so the wizard can say what to fix.
 */
final class CanaryForm {

    private CanaryForm() {
    }

    record Fields(String image, String env, String steps, String holdMinutes, String failureDelta, String minRuns,
                  String maxRestarts, String maxFill, String minTimeToFullMinutes, String heartbeatGraceMinutes,
                  String maxQueueGrowth) {
    }

    static CanarySettings settings(Fields f) {
        if (f.image() == null || f.image().isBlank()) {
            throw new IllegalArgumentException("Image: give the new image, e.g. repository:tag");
        }
        GateThresholds thresholds = new GateThresholds(
                decimal("Failure rate above stable", f.failureDelta()),
                (int) whole("Runs before judging", f.minRuns()),
                (int) whole("Restarts per pod", f.maxRestarts()),
                decimal("Cache fill", f.maxFill()),
                Duration.ofMinutes(whole("Time to full", f.minTimeToFullMinutes())),
                Duration.ofMinutes(whole("Heartbeat grace", f.heartbeatGraceMinutes())),
                whole("Queue growth", f.maxQueueGrowth()));
        CanarySettings settings = new CanarySettings(f.image().trim(), env(f.env()), steps(f.steps()),
                Duration.ofMinutes(whole("Hold per step", f.holdMinutes())), thresholds);
        if (!settings.secretLiterals().isEmpty()) {
            String name = settings.secretLiterals().get(0);
            throw new IllegalArgumentException("Env: " + name + " looks like a secret, and its value would be stored "
                    + "in the audit log, the journal and the canary's annotations; put it in a Kubernetes Secret and "
                    + "start the canary with `pitwall canary start ... --env-from-secret " + name
                    + "=SECRET_NAME:KEY`");
        }
        return settings;
    }

    static Map<String, String> env(String text) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : (text == null ? "" : text).split("\\R")) {
            String t = line.trim();
            if (t.isEmpty()) {
                continue;
            }
            int eq = t.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Env: each line is NAME=VALUE");
            }
            env.put(t.substring(0, eq).trim(), t.substring(eq + 1));
        }
        return env;
    }

    private static List<Integer> steps(String text) {
        List<Integer> steps = new ArrayList<>();
        for (String s : (text == null ? "" : text).split(",")) {
            steps.add((int) whole("Steps", s));
        }
        return steps;
    }

    private static long whole(String field, String text) {
        try {
            long n = Long.parseLong(text == null ? "" : text.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": a whole number, got: " + text);
        }
    }

    private static double decimal(String field, String text) {
        try {
            return Double.parseDouble(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": a number, got: " + text);
        }
    }
}
