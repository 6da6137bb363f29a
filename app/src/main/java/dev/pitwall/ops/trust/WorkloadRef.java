package dev.pitwall.ops.trust;

/** One worker workload: its namespace, kind and name. */
public record WorkloadRef(String namespace, WorkloadKind kind, String name) {

    /** "Deployment ap-dedicated-acme/activepieces-worker-acme". */
    @Override
    public String toString() {
        return kind.kind() + " " + namespace + "/" + name;
    }
}
