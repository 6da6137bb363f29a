package dev.pitwall.ops.timeline;

import dev.pitwall.model.Alert;
import dev.pitwall.ops.alert.AlertCenter;

import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Every alert raised and cleared (the alert history the consoles keep in the state directory); trust drift counts as a
 * trust entry.
 */
public final class AlertTimeline implements TimelineSource {

    /** The alert kind the trust screen raises drift under. */
    public static final String TRUST_DRIFT = "trust-drift";

    private final BiFunction<Instant, Instant, List<AlertCenter.Entry>> history;

    /** @param history the entries stamped in a window (from, to) */
    public AlertTimeline(BiFunction<Instant, Instant, List<AlertCenter.Entry>> history) {
        this.history = history;
    }

    @Override
    public String name() {
        return "alerts";
    }

    @Override
    public Reading read(Instant from, Instant to) {
        return Reading.of(history.apply(from, to).stream().map(AlertTimeline::entry).toList());
    }

    private static TimelineEntry entry(AlertCenter.Entry e) {
        Alert a = e.alert();
        boolean raised = e.change() == AlertCenter.Change.RAISED;
        TimelineEntry.Level level = !raised ? TimelineEntry.Level.INFO
                : a.severity() == Alert.Severity.CRITICAL ? TimelineEntry.Level.CRITICAL : TimelineEntry.Level.WARNING;
        TimelineKind kind = a.kind().equals(TRUST_DRIFT) ? TimelineKind.TRUST : TimelineKind.ALERT;
        String text = (raised ? a.severity().name().toLowerCase() + " " + a.kind() + " raised: "
                : a.kind() + " cleared: ") + a.message();
        return new TimelineEntry(e.at(), kind, level, a.subject(), text, null);
    }
}
