package dev.pitwall.ops.rollback;

import java.util.Locale;
import java.util.Objects;

/** A worker workload: a Deployment (history in ReplicaSets) or a StatefulSet (history in ControllerRevisions). */
public record WorkloadRef(Kind kind, String namespace, String name) {

    public enum Kind { DEPLOYMENT, STATEFULSET }

    public WorkloadRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + " " + namespace + "/" + name;
    }
}
