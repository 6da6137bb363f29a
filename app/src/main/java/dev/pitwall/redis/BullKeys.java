package dev.pitwall.redis;

import java.nio.charset.StandardCharsets;

/** The keys of one BullMQ queue under the default prefix: {@code bull:<queue>:<suffix>}, as bytes. */
final class BullKeys {

    static final String PREFIX = "bull:";
    static final String META_SUFFIX = ":meta";

    private final byte[] jobPrefix;

    BullKeys(String queue) {
        this.jobPrefix = (PREFIX + queue + ":").getBytes(StandardCharsets.UTF_8);
    }

    /** {@code bull:<queue>:} — a job's key is this followed by its id. */
    byte[] jobPrefix() {
        return jobPrefix.clone();
    }

    byte[] key(String suffix) {
        return job(suffix.getBytes(StandardCharsets.UTF_8));
    }

    /** The hash of the job with this id (ids are kept as raw bytes: they need not be UTF-8). */
    byte[] job(byte[] id) {
        byte[] key = new byte[jobPrefix.length + id.length];
        System.arraycopy(jobPrefix, 0, key, 0, jobPrefix.length);
        System.arraycopy(id, 0, key, jobPrefix.length, id.length);
        return key;
    }

    /** The queue named by a {@code bull:<queue>:meta} key, or null for any other key. */
    static String queueOfMetaKey(String key) {
        if (!key.startsWith(PREFIX) || !key.endsWith(META_SUFFIX)
                || key.length() <= PREFIX.length() + META_SUFFIX.length()) {
            return null;
        }
        return key.substring(PREFIX.length(), key.length() - META_SUFFIX.length());
    }
}
