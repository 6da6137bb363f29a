package dev.pitwall.ops.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Merges every source into one time-ordered list. A source that fails leaves a problem line and the rest of the
 * timeline intact: during an incident a back-end being down is the normal case, not a reason to show nothing.
 */
public final class IncidentTimeline {

    /** The merged entries, oldest first, and what could not be read. */
    public record Result(List<TimelineEntry> entries, List<String> problems) {

        public Result {
            entries = List.copyOf(entries);
            problems = List.copyOf(problems);
        }

        /** Only the entries of {@code kinds} (all of them when empty). */
        public Result only(Collection<TimelineKind> kinds) {
            if (kinds.isEmpty()) {
                return this;
            }
            Set<TimelineKind> wanted = Set.copyOf(kinds);
            return new Result(entries.stream().filter(e -> wanted.contains(e.kind())).toList(), problems);
        }
    }

    private final List<TimelineSource> sources;

    public IncidentTimeline(List<TimelineSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /** Reads every source for [from, to) (blocking I/O: call from a background thread). */
    public Result read(Instant from, Instant to) {
        List<TimelineEntry> all = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (TimelineSource source : sources) {
            try {
                TimelineSource.Reading reading = source.read(from, to);
                for (TimelineEntry e : reading.entries()) {
                    if (!e.at().isBefore(from) && e.at().isBefore(to)) {
                        all.add(e);
                    }
                }
                reading.problems().forEach(p -> problems.add(source.name() + ": " + p));
            } catch (Exception e) {
                problems.add(source.name() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage()));
            }
        }
        all.sort(TimelineEntry.ORDER);
        return new Result(all, problems);
    }
}
