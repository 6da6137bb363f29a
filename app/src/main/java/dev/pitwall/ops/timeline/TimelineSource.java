package dev.pitwall.ops.timeline;

import java.time.Instant;
import java.util.List;

/** A port: one source of timeline entries (the audit log, the alert history, the cluster, the platform...). */
public interface TimelineSource {

    /** A short name for problems: "audit log", "revision history". */
    String name();

    /**
     * The entries in [from, to), with anything wrong the source noticed while reading (a tampered audit log). May
     * block on I/O: call from a background thread. An exception is reported as a problem of this source; the other
     * sources still make the timeline.
     */
    Reading read(Instant from, Instant to) throws Exception;

    /** What one source gave: entries, and problems worth showing next to them. */
    record Reading(List<TimelineEntry> entries, List<String> problems) {

        public Reading {
            entries = List.copyOf(entries);
            problems = List.copyOf(problems);
        }

        public static Reading of(List<TimelineEntry> entries) {
            return new Reading(entries, List.of());
        }
    }
}
