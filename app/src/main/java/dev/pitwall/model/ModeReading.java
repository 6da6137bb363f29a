package dev.pitwall.model;

import java.util.Objects;

/**
 * An execution mode as read from one place.
 *
 * @param mode   the parsed mode, UNKNOWN for a text this build does not know
 * @param raw    the text exactly as found (kept so that an unknown mode is shown as it is)
 * @param source heartbeat or env
 */
public record ModeReading(ExecutionMode mode, String raw, ExecutionModeSource source) {

    public ModeReading {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(source, "source");
    }

    public static ModeReading of(String raw, ExecutionModeSource source) {
        return new ModeReading(ExecutionMode.parse(raw), raw, source);
    }

    /** The canonical name of a known mode (SANDBOXED reads SANDBOX_PROCESS), else the text verbatim. */
    public String display() {
        return mode == ExecutionMode.UNKNOWN ? raw : mode.name();
    }
}
