package dev.pitwall.ui.warroom;

import dev.pitwall.model.BackendKind;

/** The board's tiles, in reading order, each with the back-end its data comes from (null: local to Pitwall). */
public enum TileId {
    FLEET("Fleet health", BackendKind.KUBERNETES),
    VOLUMES("Cache volumes", BackendKind.KUBERNETES),
    TRUST("Trust drift", BackendKind.KUBERNETES),
    QUEUES("Queue depth", BackendKind.REDIS),
    FAILURES("Failure rate", BackendKind.PLATFORM),
    OPERATIONS("Operations", null);

    private final String title;
    private final BackendKind backend;

    TileId(String title, BackendKind backend) {
        this.title = title;
        this.backend = backend;
    }

    public String title() {
        return title;
    }

    public BackendKind backend() {
        return backend;
    }
}
