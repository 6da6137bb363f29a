package dev.pitwall.model;

/** The three back-ends Pitwall watches. */
public enum BackendKind {
    KUBERNETES("Kubernetes"),
    REDIS("Redis"),
    PLATFORM("Platform");

    private final String displayName;

    BackendKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
