package dev.pitwall.demo.bullmq;

/**
 * One BullMQ queue's keys: {@code <prefix>:<name>:<suffix>}, with the default prefix {@code bull} that Activepieces
 * uses. The layout written is the one of bullmq 5.81.5 (see reference/bullmq-layout.md).
 */
public record BullQueue(String prefix, String name) {

    /** What the {@code meta} hash says about who wrote the queue; readers refuse layouts they have not tested. */
    public static final String VERSION = "bullmq:5.81.5";
    /** The events stream is capped (approximately) at this many entries, as BullMQ's default. */
    public static final int MAX_LEN_EVENTS = 10_000;
    /** How long a worker's lock on an active job lives without renewal. */
    public static final long LOCK_MILLIS = 30_000;

    public BullQueue {
        if (name == null || name.isBlank() || name.contains(":")) {
            throw new IllegalArgumentException("a BullMQ queue name must be non-empty without ':', got: " + name);
        }
    }

    public static BullQueue named(String name) {
        return new BullQueue("bull", name);
    }

    public String key(String suffix) {
        return prefix + ":" + name + ":" + suffix;
    }

    public String jobKey(String jobId) {
        return key(jobId);
    }

    public String lockKey(String jobId) {
        return key(jobId) + ":lock";
    }

    public String logsKey(String jobId) {
        return key(jobId) + ":logs";
    }
}
