package dev.pitwall.ui.fleet;

import dev.pitwall.model.Worker;

import java.util.Locale;

/**
 * A worker with its cell texts, worked out when first asked for and kept: most changed workers are never drawn nor
 * searched before they change again (500 updates a second, 40 lines on screen), so nothing is formatted in vain. The
 * search text is made on the arranger's thread when a filter needs it. Unchanged workers keep their row.
 */
public final class FleetRow {

    public static final String UNKNOWN = "unknown";
    private static final FleetColumn[] COLUMNS = FleetColumn.values();

    private final Worker worker;
    private final String key;
    /** Filled lazily; a slot may be computed twice by two threads, with the same immutable result. */
    private final String[] texts = new String[COLUMNS.length];
    private String haystack;

    FleetRow(Worker worker) {
        this.worker = worker;
        this.key = worker.key();
    }

    public Worker worker() {
        return worker;
    }

    public String key() {
        return key;
    }

    public String text(FleetColumn column) {
        String t = texts[column.ordinal()];
        if (t == null) {
            t = column.text(worker);
            texts[column.ordinal()] = t;
        }
        return t;
    }

    /** True when every token (lower case) occurs in some column or unknown reason. Arranger thread only. */
    boolean matches(String[] tokens) {
        if (tokens.length == 0) {
            return true;
        }
        if (haystack == null) {
            StringBuilder all = new StringBuilder(256);
            for (FleetColumn c : COLUMNS) {
                all.append(text(c)).append('\u0000');
            }
            worker.unknowns().values().forEach(reason -> all.append(reason).append('\u0000'));
            if (worker.executionMode() != null) {
                all.append(worker.executionMode().source().name()).append('\u0000');
            }
            haystack = all.toString().toLowerCase(Locale.ROOT);
        }
        for (String t : tokens) {
            if (!haystack.contains(t)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return key;
    }
}
