package dev.pitwall.ops.canary;

import dev.pitwall.ops.connect.Redaction;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a canary rolls out and how: the new image and env overrides (literal values, and values taken from Secrets),
 * the steps (percentages of the workload's replicas that run the new template, rounded up, so that 1 means one pod),
 * how long each step is held, and the gate thresholds.
 */
public record CanarySettings(String image, Map<String, String> env, List<Integer> steps, Duration hold,
                             GateThresholds thresholds, Map<String, SecretKeyRef> envFromSecret) {

    public static final List<Integer> DEFAULT_STEPS = List.of(1, 25, 50, 100);
    public static final Duration DEFAULT_HOLD = Duration.ofMinutes(10);

    public CanarySettings {
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("the canary needs an image");
        }
        env = env == null ? Map.of() : Map.copyOf(env);
        envFromSecret = envFromSecret == null ? Map.of() : Map.copyOf(envFromSecret);
        for (String name : envFromSecret.keySet()) {
            if (env.containsKey(name)) {
                throw new IllegalArgumentException(name + " is given both as a value and from a secret");
            }
        }
        steps = steps == null || steps.isEmpty() ? DEFAULT_STEPS : List.copyOf(steps);
        hold = hold == null ? DEFAULT_HOLD : hold;
        thresholds = thresholds == null ? GateThresholds.DEFAULTS : thresholds;
        int previous = 0;
        for (int step : steps) {
            if (step <= previous || step > 100) {
                throw new IllegalArgumentException("steps must rise from 1 to at most 100 percent: " + steps);
            }
            previous = step;
        }
        if (hold.isNegative()) {
            throw new IllegalArgumentException("the hold must not be negative");
        }
    }

    /** Settings without values from Secrets. */
    public CanarySettings(String image, Map<String, String> env, List<Integer> steps, Duration hold,
                          GateThresholds thresholds) {
        this(image, env, steps, hold, thresholds, Map.of());
    }

    /**
     * The literal env values whose names say they are secret (KEY, TOKEN, SECRET, PASSWORD): a canary must not start
     * with them, since the settings are stored in the audit log, the journal and the canary's annotations.
     */
    public List<String> secretLiterals() {
        return env.keySet().stream().filter(Redaction::secretName).sorted().toList();
    }

    /** "AP_API_KEY from secret ap-keys key api-key, ..." ("" when none): references, never values. */
    public String envFromSecretText() {
        return String.join(", ", new java.util.TreeMap<>(envFromSecret).entrySet().stream()
                .map(e -> e.getKey() + " from secret " + e.getValue().secret() + " key " + e.getValue().key())
                .toList());
    }

    /** Canary pods at step {@code index} of a workload of {@code replicas}: at least one, at most all. */
    public int canaryReplicas(int index, int replicas) {
        int share = (int) Math.ceil(replicas * steps.get(index) / 100.0);
        return Math.max(1, Math.min(Math.max(1, replicas), share));
    }

    /** The image's tag, which the workers report as their version ("" when untagged). */
    public String versionTag() {
        int colon = image.lastIndexOf(':');
        return colon < 0 || image.indexOf('/', colon) >= 0 ? "" : image.substring(colon + 1);
    }
}
