package dev.pitwall.demo.cluster;

/** Which workload something belongs to: a Deployment or a StatefulSet, by namespace and name. */
record Workload(String kind, String namespace, String name) implements Comparable<Workload> {

    static final String DEPLOYMENT = "Deployment";
    static final String STATEFUL_SET = "StatefulSet";

    @Override
    public int compareTo(Workload other) {
        int byNamespace = namespace.compareTo(other.namespace);
        if (byNamespace != 0) {
            return byNamespace;
        }
        int byName = name.compareTo(other.name);
        return byName != 0 ? byName : kind.compareTo(other.kind);
    }
}
