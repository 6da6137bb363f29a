package dev.pitwall.ui.rollback;

import dev.pitwall.ops.rollback.Change;

/** One line of the diff between the current and the target revision; a trust change says so in words. */
public record DiffRow(String marker, String area, String key, String before, String after, boolean trust) {

    public static final String TRUST = "\u26A0 TRUST CHANGE";

    static DiffRow of(Change c) {
        return new DiffRow(c.trust() ? TRUST : "", c.area(), c.key(), c.before() == null ? "(none)" : c.before(),
                c.after() == null ? "(none)" : c.after(), c.trust());
    }
}
