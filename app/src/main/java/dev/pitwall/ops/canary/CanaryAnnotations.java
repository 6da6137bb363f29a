package dev.pitwall.ops.canary;

import dev.pitwall.model.TargetIdentity;
import dev.pitwall.ops.rollback.WorkloadRef;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The canary's state as the cluster holds it, on the canary workload: labels that mark it, annotations with the
 * control fields (phase, step, times) and enough of the settings to carry on without the local journal (from
 * another machine, say). The journal adds the thresholds, the gate readings and the timeline.
 */
public final class CanaryAnnotations {

    public static final String CANARY_LABEL = "pitwall.dev/canary";
    public static final String CANARY_OF_LABEL = "pitwall.dev/canary-of";
    /** Who drives the canary (the lease's holder), and until when. */
    public static final String DRIVER = "pitwall.dev/canary-driver";
    public static final String DRIVEN_UNTIL = "pitwall.dev/canary-driven-until";
    private static final String PREFIX = "pitwall.dev/canary-";
    static final String PHASE = PREFIX + "phase";
    static final String STEP = PREFIX + "step";
    static final String STEP_STARTED = PREFIX + "step-started";
    static final String PAUSED_AT = PREFIX + "paused-at";
    static final String STARTED = PREFIX + "started";
    static final String STEPS = PREFIX + "steps";
    static final String HOLD = PREFIX + "hold";
    static final String IMAGE = PREFIX + "image";
    static final String MAIN_REPLICAS = PREFIX + "main-replicas";
    static final String PRE_REVISION = PREFIX + "pre-revision";
    static final String PLAN = PREFIX + "rollback-plan";
    static final String ENV = PREFIX + "env";
    static final String ENV_FROM_SECRET = PREFIX + "env-from-secret";
    static final String MAIN_UID = PREFIX + "main-uid";

    private CanaryAnnotations() {
    }

    /** The labels the canary workload and its pods carry besides the main workload's. */
    public static Map<String, String> labels(WorkloadRef main) {
        return Map.of(CANARY_LABEL, "true", CANARY_OF_LABEL, main.name());
    }

    /** Every field, written when the canary is created. */
    static Map<String, String> of(CanaryRecord r) {
        Map<String, String> a = control(r);
        a.put(STARTED, r.startedAt().toString());
        a.put(STEPS, String.join(",", r.settings().steps().stream().map(String::valueOf).toList()));
        a.put(HOLD, r.settings().hold().toString());
        a.put(IMAGE, r.settings().image());
        a.put(MAIN_REPLICAS, String.valueOf(r.mainReplicas()));
        a.put(PRE_REVISION, String.valueOf(r.preRevision()));
        a.put(PLAN, r.planId() == null ? "" : r.planId());
        a.put(MAIN_UID, r.workloadUid() == null ? "" : r.workloadUid());
        a.put(ENV, lines(r.settings().env()));
        a.put(ENV_FROM_SECRET, lines(r.settings().envFromSecret()));
        return a;
    }

    /** NAME=VALUE lines, sorted by name. */
    private static String lines(Map<String, ?> env) {
        return String.join("\n", new java.util.TreeMap<>(env).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    private static Map<String, String> parseLines(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return out;
    }

    /** The fields that change while the canary runs. */
    static Map<String, String> control(CanaryRecord r) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put(PHASE, r.phase().name());
        a.put(STEP, String.valueOf(r.step()));
        a.put(STEP_STARTED, r.stepStartedAt().toString());
        a.put(PAUSED_AT, r.pausedAt() == null ? "" : r.pausedAt().toString());
        return a;
    }

    /** The journal's record with the cluster's control fields, which win (another process may have set them). */
    static CanaryRecord merge(CanaryRecord journal, Map<String, String> a) {
        try {
            CanaryPhase phase = CanaryPhase.valueOf(a.getOrDefault(PHASE, journal.phase().name()));
            int step = Integer.parseInt(a.getOrDefault(STEP, String.valueOf(journal.step())));
            Instant stepStarted = instant(a.get(STEP_STARTED)).orElse(journal.stepStartedAt());
            Instant paused = phase == CanaryPhase.PAUSED ? instant(a.get(PAUSED_AT)).orElse(stepStarted) : null;
            return journal.withControl(phase, Math.min(step, journal.settings().steps().size() - 1), stepStarted,
                    paused);
        } catch (IllegalArgumentException e) {
            return journal; // a hand-edited annotation: the journal's own fields stand
        }
    }

    /**
     * A record rebuilt from the cluster alone (no journal here): default thresholds, no readings or timeline.
     *
     * @param cluster    the cluster the canary object was read from
     * @param currentUid the main workload's UID now, for a canary whose annotations do not say (an older Pitwall's)
     */
    static Optional<CanaryRecord> rebuild(WorkloadRef main, String canaryName, Map<String, String> a,
                                          TargetIdentity cluster, String currentUid) {
        try {
            List<Integer> steps = Arrays.stream(a.get(STEPS).split(",")).map(s -> Integer.parseInt(s.trim()))
                    .toList();
            Map<String, String> env = parseLines(a.getOrDefault(ENV, ""));
            Map<String, SecretKeyRef> fromSecrets = new LinkedHashMap<>();
            parseLines(a.getOrDefault(ENV_FROM_SECRET, "")).forEach((k, v) -> fromSecrets.put(k, SecretKeyRef.parse(v)));
            CanarySettings settings = new CanarySettings(a.get(IMAGE), env, steps,
                    Duration.parse(a.get(HOLD)), GateThresholds.DEFAULTS, fromSecrets);
            Instant started = Instant.parse(a.get(STARTED));
            CanaryRecord base = new CanaryRecord(main, canaryName, settings, CanaryPhase.RUNNING, 0,
                    Integer.parseInt(a.get(MAIN_REPLICAS)), started, started, null,
                    Long.parseLong(a.get(PRE_REVISION)), a.getOrDefault(PLAN, ""), -1, null, List.of(),
                    List.of(new TimelineEvent(started, "picked up from the cluster's annotations (no local journal: "
                            + "default gate thresholds)")), cluster,
                    a.getOrDefault(MAIN_UID, "").isEmpty() ? currentUid : a.get(MAIN_UID));
            return Optional.of(merge(base, a));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(Instant.parse(text));
    }
}
