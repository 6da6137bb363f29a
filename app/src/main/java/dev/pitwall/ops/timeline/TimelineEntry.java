package dev.pitwall.ops.timeline;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One line of the incident timeline.
 *
 * @param subject what it is about ("ap-shared/activepieces-worker", a queue, a run group)
 * @param actor   who did it, for Pitwall actions (from the audit log); null otherwise
 */
public record TimelineEntry(Instant at, TimelineKind kind, Level level, String subject, String text, String actor) {

    public enum Level { INFO, WARNING, CRITICAL }

    /** Time first; at the same instant the cause (a revision, an action) before its effects (events, alerts). */
    public static final Comparator<TimelineEntry> ORDER = Comparator.comparing(TimelineEntry::at)
            .thenComparing(e -> causeRank(e.kind()))
            .thenComparing(TimelineEntry::subject)
            .thenComparing(TimelineEntry::text);

    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(level, "level");
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
    }

    private static int causeRank(TimelineKind kind) {
        return switch (kind) {
            case ACTION -> 0;
            case REVISION -> 1;
            case TRUST -> 2;
            case KUBE_EVENT -> 3;
            case QUEUE_SPIKE, FAILURE_SPIKE -> 4;
            case ALERT -> 5;
        };
    }
}
