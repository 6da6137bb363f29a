package dev.pitwall.ops.trust;

/**
 * A port: where trust drift is raised as an alert (critical or a warning: {@link GroupTrust#critical}), and cleared
 * once the group matches again.
 */
public interface DriftSink {

    /** {@code group} drifts (newly, or with other drift kinds than before). */
    void raise(GroupTrust group);

    /** The group under {@code key} ({@link GroupTrust#key()}) no longer drifts. */
    void clear(String key, String description);
}
