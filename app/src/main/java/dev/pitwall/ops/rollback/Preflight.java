package dev.pitwall.ops.rollback;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything checked before a rollback is confirmed: the plan's own test (staleness, access per verb, server dry
 * runs), the headroom of the workload's cache volumes (a claimed volume keeps its content across a rollback, so a
 * full one can keep the restored pods failing), and the target execution mode against the trust policy.
 */
public final class Preflight {

    /** A cache volume at least this full is a warning. */
    public static final double FULL_WARNING = 0.8;
    /** A cache volume that fills within this many seconds is a warning. */
    public static final long FILLS_SOON_SECONDS = 3600;

    private final RollbackRunner runner;
    private final CacheVolumes volumes;
    private final ModePolicy policy;

    public Preflight(RollbackRunner runner, CacheVolumes volumes, ModePolicy policy) {
        this.runner = runner;
        this.volumes = volumes;
        this.policy = policy;
    }

    /** @param group the workload's worker group id, "" for shared workers */
    public List<PreflightCheck> check(RollbackPlan plan, String group) {
        List<PreflightCheck> checks = new ArrayList<>();
        PlanTest test = runner.test(plan);
        test.passed().forEach(p -> checks.add(PreflightCheck.passed(area(p), p)));
        test.problems().forEach(p -> checks.add(PreflightCheck.failed(area(p), p)));
        checks.addAll(headroom(plan.workload()));
        checks.add(policy.check(plan.workload(), group, plan.targetMode()));
        return checks;
    }

    /** Whether nothing found stops the rollback. */
    public static boolean canProceed(List<PreflightCheck> checks) {
        return checks.stream().noneMatch(c -> c.outcome() == PreflightCheck.Outcome.FAILED);
    }

    private List<PreflightCheck> headroom(WorkloadRef workload) {
        List<CacheVolumes.CacheVolume> found;
        try {
            found = volumes.of(workload);
        } catch (ClusterException e) {
            return List.of(PreflightCheck.warning("volume", "cache volume usage unknown: " + e.getMessage()));
        }
        if (found.isEmpty()) {
            return List.of(PreflightCheck.skipped("volume", "no cache volume usage reported for " + workload));
        }
        // a warning per tight volume, and one line for all the others
        List<PreflightCheck> out = new ArrayList<>();
        List<CacheVolumes.CacheVolume> roomy = new ArrayList<>();
        for (CacheVolumes.CacheVolume v : found) {
            boolean tight = v.share() >= FULL_WARNING
                    || (v.fullInSeconds() != null && v.fullInSeconds() <= FILLS_SOON_SECONDS);
            if (tight) {
                out.add(PreflightCheck.warning("volume", String.format(Locale.ROOT,
                        "cache volume of %s %.0f%% used%s: the restored pods keep this volume", v.pod(),
                        v.share() * 100, v.fullInSeconds() == null ? "" : ", full in " + minutes(v.fullInSeconds()))));
            } else {
                roomy.add(v);
            }
        }
        if (!roomy.isEmpty()) {
            double most = roomy.stream().mapToDouble(CacheVolumes.CacheVolume::share).max().orElse(0);
            out.add(0, PreflightCheck.passed("volume", String.format(Locale.ROOT,
                    "%d cache volume%s with headroom: at most %.0f%% used, none full within an hour", roomy.size(),
                    roomy.size() == 1 ? "" : "s", most * 100)));
        }
        return out;
    }

    private static String minutes(long seconds) {
        return seconds < 60 ? "under a minute" : (seconds / 60) + " min";
    }

    private static String area(String finding) {
        if (finding.startsWith("allowed") || finding.startsWith("forbidden")) {
            return "access";
        }
        if (finding.startsWith("dry run") || finding.contains("dry run")) {
            return "dry run";
        }
        return "plan";
    }
}
