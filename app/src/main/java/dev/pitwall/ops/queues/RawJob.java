package dev.pitwall.ops.queues;

import java.util.Map;

/**
 * A job hash as read for a failed-set page, before any of it is trusted.
 *
 * @param exists false when the hash vanished between listing the set and reading it
 * @param fields the fields that are present, by name; big fields are cut to a bound (see {@link JobField})
 */
public record RawJob(String id, boolean idValidUtf8, boolean exists, Map<String, JobField> fields) {

    public RawJob {
        fields = Map.copyOf(fields);
    }
}
