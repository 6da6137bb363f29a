package dev.pitwall.cli;

import dev.pitwall.ops.canary.CanarySettings;
import dev.pitwall.ops.canary.GateThresholds;
import dev.pitwall.ops.canary.SecretKeyRef;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of {@code canary start} read as canary settings; anything unusable is a {@link UsageException}. A
 * literal value of a secret-looking variable is one: it would be stored in the audit log, the canary journal and the
 * canary's annotations, so it has to come from a Kubernetes Secret ({@code --env-from-secret}).
 */
final class CanaryStartOptions {

    private CanaryStartOptions() {
    }

    static CanarySettings settings(ParsedArgs args) {
        String image = args.value("--image").orElseThrow(() -> new UsageException("canary start needs --image"));
        Map<String, String> env = pairs(args, "--env", "NAME=VALUE");
        Map<String, SecretKeyRef> fromSecrets = new LinkedHashMap<>();
        pairs(args, "--env-from-secret", "NAME=SECRET_NAME:KEY").forEach((name, ref) -> {
            try {
                fromSecrets.put(name, SecretKeyRef.parse(ref));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--env-from-secret " + name + ": " + e.getMessage());
            }
        });
        CanarySettings settings;
        try {
            settings = new CanarySettings(image, env, steps(args), args.value("--hold")
                    .map(t -> DurationText.parse("--hold", t)).orElse(null), thresholds(args), fromSecrets);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (!settings.secretLiterals().isEmpty()) {
            String name = settings.secretLiterals().get(0);
            throw new UsageException("--env " + name + ": " + name + " looks like a secret, and its value would be "
                    + "stored in the audit log, the canary journal and the canary's annotations; put it in a "
                    + "Kubernetes Secret and give --env-from-secret " + name + "=SECRET_NAME:KEY instead");
        }
        return settings;
    }

    /** NAME=VALUE options as a map; a malformed one is not repeated (its value may be a secret). */
    private static Map<String, String> pairs(ParsedArgs args, String option, String form) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : args.values(option)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new UsageException(option + " needs " + form);
            }
            out.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return out;
    }

    private static List<Integer> steps(ParsedArgs args) {
        if (!args.has("--steps")) {
            return null;
        }
        List<Integer> steps = new ArrayList<>();
        for (String s : args.value("--steps").get().split(",")) {
            try {
                steps.add(Integer.parseInt(s.trim()));
            } catch (NumberFormatException e) {
                throw new UsageException("--steps needs percentages like 1,25,50,100, got: "
                        + args.value("--steps").get());
            }
        }
        return steps;
    }

    private static GateThresholds thresholds(ParsedArgs args) {
        GateThresholds d = GateThresholds.DEFAULTS;
        return new GateThresholds(
                args.doubleValue("--max-failure-delta", d.maxFailureRateDelta()),
                (int) args.longValue("--min-runs", d.minRuns()),
                (int) args.longValue("--max-restarts", d.maxRestarts()),
                args.doubleValue("--max-fill-rate", d.maxFillMibPerMinute()),
                args.value("--min-time-to-full").map(t -> DurationText.parse("--min-time-to-full", t))
                        .orElse(d.minTimeToFull()),
                args.value("--heartbeat-grace").map(t -> DurationText.parse("--heartbeat-grace", t))
                        .orElse(d.heartbeatGrace()),
                args.longValue("--max-queue-growth", d.maxQueueGrowth()));
    }
}
