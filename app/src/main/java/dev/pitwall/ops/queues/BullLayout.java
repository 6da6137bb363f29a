package dev.pitwall.ops.queues;

/**
 * The BullMQ key layouts Pitwall knows, read from a queue's {@code meta.version} ("bullmq:6.7.0"). Counting is the
 * same for both (BullMQ's getJobCounts reads the lists and sets as they are); they differ in where pause puts the
 * waiting jobs: 5.x moves them to the {@code paused} list, 6.x leaves them in {@code wait}. Any other version is shown
 * as unknown and is only ever read.
 */
public enum BullLayout {
    V5, V6, UNKNOWN;

    private static final String PREFIX = "bullmq:";

    public static BullLayout of(String metaVersion) {
        if (metaVersion == null || !metaVersion.startsWith(PREFIX)) {
            return UNKNOWN;
        }
        String version = metaVersion.substring(PREFIX.length());
        if (version.startsWith("5.")) {
            return V5;
        }
        if (version.startsWith("6.")) {
            return V6;
        }
        return UNKNOWN;
    }

    public boolean isKnown() {
        return this != UNKNOWN;
    }

    /**
     * "bullmq 6.7.0", "unknown layout: bull:3.2", or "no version recorded" for a queue whose meta hash has no version
     * (a queue that only ever received flow children, or that the profile names but that does not exist yet).
     */
    public static String describe(String metaVersion) {
        if (metaVersion == null) {
            return "no version recorded";
        }
        return of(metaVersion).isKnown() ? "bullmq " + metaVersion.substring(PREFIX.length())
                : "unknown layout: " + metaVersion;
    }
}
