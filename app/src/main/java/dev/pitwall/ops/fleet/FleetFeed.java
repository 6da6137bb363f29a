package dev.pitwall.ops.fleet;

import dev.pitwall.model.BackendKind;

/** The feeds a fleet snapshot is made of; each can drop on its own, and its cells are marked stale. */
public enum FleetFeed {
    CLUSTER("Kubernetes", BackendKind.KUBERNETES),
    VOLUME_STATS("kubelet volume stats", BackendKind.KUBERNETES),
    HEARTBEATS("heartbeats", BackendKind.REDIS),
    FAILED_RUNS("platform failed runs", BackendKind.PLATFORM);

    private final String displayName;
    private final BackendKind backend;

    FleetFeed(String displayName, BackendKind backend) {
        this.displayName = displayName;
        this.backend = backend;
    }

    public String displayName() {
        return displayName;
    }

    public BackendKind backend() {
        return backend;
    }
}
