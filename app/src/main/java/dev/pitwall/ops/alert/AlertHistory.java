package dev.pitwall.ops.alert;

import java.time.Instant;
import java.util.List;

/**
 * A port: raised and cleared alerts kept beyond the console's memory, so that a console restarted mid-incident and the
 * headless incident commands still have them for the timeline and the report.
 */
public interface AlertHistory {

    void append(AlertCenter.Entry entry);

    /** The entries stamped from {@code from} to {@code to}, inclusive, oldest first; unreadable lines are left out. */
    List<AlertCenter.Entry> read(Instant from, Instant to);

    /** Forgets every entry: the embedded demo starts a new world on each run. */
    void clear();
}
