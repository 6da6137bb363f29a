package dev.pitwall.model;

import java.util.Locale;

/**
 * How a worker isolates flow code (Activepieces AP_EXECUTION_MODE). {@link #UNKNOWN} stands for a value this build does
 * not know; the text itself is kept verbatim by {@link ModeReading} and is never replaced by a default.
 */
public enum ExecutionMode {
    UNSANDBOXED,
    SANDBOX_PROCESS,
    SANDBOX_CODE_ONLY,
    SANDBOX_CODE_AND_PROCESS,
    UNKNOWN;

    /** The mode a text names; SANDBOXED is the older name of SANDBOX_PROCESS; anything else is UNKNOWN. */
    public static ExecutionMode parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        String name = text.trim().toUpperCase(Locale.ROOT);
        if (name.equals("SANDBOXED")) {
            return SANDBOX_PROCESS;
        }
        for (ExecutionMode mode : values()) {
            if (mode != UNKNOWN && mode.name().equals(name)) {
                return mode;
            }
        }
        return UNKNOWN;
    }
}
