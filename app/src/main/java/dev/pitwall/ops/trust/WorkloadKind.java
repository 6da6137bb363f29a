package dev.pitwall.ops.trust;

/** The workload kinds worker pods run under. */
public enum WorkloadKind {
    DEPLOYMENT("Deployment", "deployments"),
    STATEFUL_SET("StatefulSet", "statefulsets");

    private final String kind;
    private final String resource;

    WorkloadKind(String kind, String resource) {
        this.kind = kind;
        this.resource = resource;
    }

    /** The Kubernetes kind, e.g. "Deployment". */
    public String kind() {
        return kind;
    }

    /** The API resource in the apps group, e.g. "deployments" (what RBAC checks name). */
    public String resource() {
        return resource;
    }
}
