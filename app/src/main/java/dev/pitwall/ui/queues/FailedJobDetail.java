package dev.pitwall.ui.queues;

import dev.pitwall.model.FailedJob;
import dev.pitwall.ops.queues.FailedJobSource;
import dev.pitwall.ops.queues.JsonText;

import java.time.ZoneId;

/** The detail text of one failed job: what is known about it, its failed reason, its data and its stack trace. */
final class FailedJobDetail {

    private FailedJobDetail() {
    }

    static String text(FailedJob job, ZoneId zone) {
        StringBuilder b = new StringBuilder();
        b.append("Job ").append(job.id());
        if (job.name() != null) {
            b.append(" \u00b7 ").append(job.name());
        }
        b.append(" \u00b7 attempts made: ").append(job.attemptsMade() == null ? QueueFormats.NONE : job.attemptsMade());
        b.append('\n');
        b.append("created ").append(QueueFormats.dateTime(job.createdAt(), zone))
                .append(" \u00b7 processed ").append(QueueFormats.dateTime(job.processedAt(), zone))
                .append(" \u00b7 finished ").append(QueueFormats.dateTime(job.finishedAt(), zone)).append('\n');
        if (job.isMalformed()) {
            b.append("malformed: ").append(job.problem()).append('\n');
        }
        b.append("\nFailed reason\n").append(job.failedReason() == null ? QueueFormats.NONE : job.failedReason())
                .append('\n');
        b.append("\nData");
        if (job.data() == null) {
            b.append("\n").append(QueueFormats.NONE).append('\n');
        } else {
            b.append(" (").append(QueueFormats.bytes(job.dataBytes()));
            if (job.dataTruncated()) {
                b.append(", only the first ").append(QueueFormats.bytes(FailedJobSource.FIELD_LIMIT_BYTES)).append(" shown");
            }
            b.append(")\n").append(JsonText.pretty(job.data()));
            if (job.dataTruncated()) {
                b.append("\n\u2026 cut here");
            }
            b.append('\n');
        }
        b.append("\nStack trace\n");
        if (job.stacktrace().isEmpty()) {
            b.append(QueueFormats.NONE).append('\n');
        }
        for (String trace : job.stacktrace()) {
            b.append(trace).append('\n');
        }
        return b.toString();
    }
}
