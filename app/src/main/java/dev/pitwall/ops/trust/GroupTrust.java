package dev.pitwall.ops.trust;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One worker workload's trust settings side by side: expected (policy), declared (pod template), effective (what
 * each pod reports), with what follows from them. A policy entry that matches no workload is a row too, with no
 * workload and the drift {@link DriftKind#NOT_IN_CLUSTER}.
 *
 * @param group             AP_WORKER_GROUP_ID, "shared", or null for a policy namespace with no workload
 * @param workload          the workload, or null when not in the cluster
 * @param expected          the policy's expectation; without one, what the revision history expects; or null
 * @param declaredEnv       AP_EXECUTION_MODE in the pod template, or null when not in the cluster
 * @param effective         the distinct modes the pods report (unread ones included, with their reason)
 * @param npmAllowed        whether code steps may import npm packages, or null when no mode is known
 * @param lastChange        when the declared value took its current value, or null without revision history
 * @param smoke             the policy's smoke flow for it, or null
 * @param modeChange        the revision that changed the mode away from the expected one (with
 *                          {@link DriftKind#CHANGED_BY_REVISION}), else null
 */
public record GroupTrust(String group, String namespace, WorkloadRef workload, TrustPolicy.Expectation expected,
                         DeclaredEnv declaredEnv, String container, int replicas,
                         List<PodTrust> pods, List<ModeReading> effective, Boolean npmAllowed, Set<DriftKind> drift,
                         RevisionChange lastChange, SmokeFlow smoke, ModeChange modeChange) {

    public GroupTrust {
        pods = List.copyOf(pods);
        effective = List.copyOf(effective);
        drift = Set.copyOf(drift);
    }

    /** Identifies the row across refreshes: the workload, or the policy entry that matches none. */
    public String key() {
        if (workload != null) {
            return workload.toString();
        }
        return group != null ? "policy group " + group : "policy namespace " + namespace;
    }

    /** The declared mode as compared: the app default when unset, unknown when not in the cluster. */
    public ModeReading declared() {
        return declaredEnv == null ? ModeReading.unread("not in the cluster") : declaredEnv.reading();
    }

    /** AP_EXECUTION_MODE is not set: the app default applies. */
    public boolean declaredDefaulted() {
        return declaredEnv != null && !declaredEnv.set();
    }

    public boolean drifting() {
        return !drift.isEmpty();
    }

    /**
     * Drift that fails runs or breaks what a policy expects: every kind but a change by revision, and a change by
     * revision that strips npm where it was allowed before. Other drift is a warning.
     */
    public boolean critical() {
        return drift.stream().anyMatch(k -> k != DriftKind.CHANGED_BY_REVISION)
                || (modeChange != null && modeChange.stripsNpm());
    }

    /** Every drift kind in words, a change by revision with its revision, cause, time and modes: for every screen. */
    public String driftText() {
        return drift.stream().sorted().map(k -> k == DriftKind.CHANGED_BY_REVISION && modeChange != null
                ? "execution mode changed by " + modeChange.text() : k.text()).collect(Collectors.joining("; "));
    }

    public boolean mixed() {
        return drift.contains(DriftKind.MIXED_EFFECTIVE);
    }

    public boolean inCluster() {
        return workload != null;
    }

    /** "SANDBOX_PROCESS", "UNSANDBOXED (default: AP_EXECUTION_MODE not set)" or an unknown reading. */
    public String declaredText() {
        return declared().text() + (declaredDefaulted() ? " (default: AP_EXECUTION_MODE not set)" : "");
    }

    public String expectedText() {
        return expected == null ? "(not in policy)" : expected.text();
    }

    public String effectiveText() {
        return effective.isEmpty() ? "(no pods)"
                : effective.stream().map(ModeReading::text).collect(Collectors.joining(", "));
    }

    /** "group wg-acme" or "namespace ap-x": what the row is about, in words. */
    public String title() {
        return group != null ? "group " + group : "namespace " + namespace;
    }

    /** One line naming the group, where it runs, and all three modes: for alerts and the command line. */
    public String describe() {
        if (workload == null) {
            return title() + ": the policy expects " + expectedText() + ", but no worker workload of it is in the "
                    + "cluster";
        }
        String where = workload.toString();
        String drifts = driftText();
        return title() + " (" + where + "): expected " + expectedText() + ", declared " + declaredText()
                + ", effective " + effectiveText() + (drifts.isEmpty() ? "" : " \u2014 " + drifts);
    }
}
