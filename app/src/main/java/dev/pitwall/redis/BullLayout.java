package dev.pitwall.redis;

import java.util.Optional;

/**
 * The BullMQ layout generations Pitwall has been tested against. Writes are refused for anything else: an unknown
 * layout might keep jobs in other keys, and a guess could lose them.
 */
public enum BullLayout {
    V5("5"),
    V6("6");

    private final String major;

    BullLayout(String major) {
        this.major = major;
    }

    public String major() {
        return major;
    }

    /** From {@code meta.version}, e.g. "bullmq:5.81.5" or "bullmq:6.7.0"; empty for anything else. */
    public static Optional<BullLayout> of(String metaVersion) {
        if (metaVersion == null || !metaVersion.startsWith("bullmq:")) {
            return Optional.empty();
        }
        String version = metaVersion.substring("bullmq:".length());
        if (version.startsWith("5.")) {
            return Optional.of(V5);
        }
        if (version.startsWith("6.")) {
            return Optional.of(V6);
        }
        return Optional.empty();
    }
}
