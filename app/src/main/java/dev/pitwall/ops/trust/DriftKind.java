package dev.pitwall.ops.trust;

/** How a group's trust settings disagree. */
public enum DriftKind {
    /** The workload declares another mode than the policy expects. */
    EXPECTED_VS_DECLARED("expected-declared", "declared differs from expected"),
    /** A pod reports another mode than its workload declares. */
    DECLARED_VS_EFFECTIVE("declared-effective", "a pod runs another mode than declared"),
    /** The pods of one group report different modes. */
    MIXED_EFFECTIVE("mixed", "pods run mixed modes"),
    /** The policy names a group or namespace that has no worker workload in the cluster. */
    NOT_IN_CLUSTER("not-in-cluster", "not found in the cluster"),
    /** No policy speaks of the group, and its latest revision(s) changed the mode its history settled in. */
    CHANGED_BY_REVISION("changed-by-revision", "execution mode changed by a revision");

    private final String id;
    private final String text;

    DriftKind(String id, String text) {
        this.id = id;
        this.text = text;
    }

    /** The name in JSON output, e.g. "expected-declared". */
    public String id() {
        return id;
    }

    public String text() {
        return text;
    }
}
