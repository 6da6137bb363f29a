package dev.pitwall.ops.timeline;

import java.time.Instant;
import java.util.Objects;

/**
 * The marked incident: its start, and its end once marked (null while it is still going on: the window then runs
 * to "now" whenever it is read).
 */
public record IncidentWindow(Instant start, Instant end) {

    public IncidentWindow {
        Objects.requireNonNull(start, "start");
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("the incident ends (" + end + ") before it starts (" + start + ")");
        }
    }

    public static IncidentWindow startingAt(Instant start) {
        return new IncidentWindow(start, null);
    }

    public IncidentWindow endingAt(Instant at) {
        return new IncidentWindow(start, at);
    }

    public boolean isOpen() {
        return end == null;
    }

    /** The end, or {@code now} while the incident is open. */
    public Instant endOr(Instant now) {
        return end == null ? now : end;
    }
}
