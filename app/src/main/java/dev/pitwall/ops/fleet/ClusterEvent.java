package dev.pitwall.ops.fleet;

import dev.pitwall.model.KubeEvent;

/** One change seen by a {@link ClusterWatch}. */
public sealed interface ClusterEvent {

    record PodChanged(PodState pod) implements ClusterEvent {
    }

    record PodDeleted(String namespace, String name) implements ClusterEvent {
    }

    record WorkloadChanged(WorkloadState workload) implements ClusterEvent {
    }

    record WorkloadDeleted(String kind, String namespace, String name) implements ClusterEvent {
    }

    /** A ReplicaSet or ControllerRevision: where a pod's revision number comes from. */
    record RevisionChanged(RevisionState revision) implements ClusterEvent {
    }

    record RevisionDeleted(String namespace, String name) implements ClusterEvent {
    }

    record EventSeen(KubeEvent event) implements ClusterEvent {
    }

    /** A namespace in scope exists (from the namespace watch, or named in the profile). */
    record NamespaceSeen(String name) implements ClusterEvent {
    }

    /** A namespace left the scope (deleted, or no longer labelled): everything in it goes. */
    record NamespaceGone(String name) implements ClusterEvent {
    }

    /** The user may not list or watch worker objects in this namespace; the others stay live. */
    record NamespaceForbidden(String name, String reason) implements ClusterEvent {
    }

    /** Less can be watched than the profile asks for (a namespace list that may not be read); shown as a notice. */
    record ScopeNarrowed(String reason) implements ClusterEvent {
    }

    /** A watch failed; it retries by itself. The engine marks the cluster data stale until all watches are live. */
    record WatchFailed(String reason) implements ClusterEvent {
    }
}
