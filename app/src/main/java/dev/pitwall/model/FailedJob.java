package dev.pitwall.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One job from a BullMQ queue's failed set, as far as its hash could be read. Nothing here is trusted: a field that
 * was missing is null, and everything wrong with the entry is said in {@link #problem()}.
 *
 * @param data          the job's data text, at most the first part of it when {@code dataTruncated}
 * @param dataBytes     the full size of the data field in bytes (-1 when the field is missing)
 * @param attemptsMade  BullMQ's {@code atm}, or null when missing or not a number
 * @param problem       why the entry is malformed ("data is not valid JSON: ..."), or null when it is sound
 */
public record FailedJob(String id, String name, String data, long dataBytes, boolean dataTruncated,
                        String failedReason, List<String> stacktrace, Integer attemptsMade, Instant createdAt,
                        Instant processedAt, Instant finishedAt, String problem) {

    public FailedJob {
        Objects.requireNonNull(id, "id");
        stacktrace = stacktrace == null ? List.of() : List.copyOf(stacktrace);
    }

    public boolean isMalformed() {
        return problem != null;
    }
}
