package dev.pitwall.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A worker's execution mode as read from one place.
 *
 * @param raw    the text exactly as found (kept so that an unknown mode is shown as it is)
 * @param source heartbeat or env
 */
public record ModeReading(String raw, ExecutionModeSource source) {

    public ModeReading {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(source, "source");
    }

    public static ModeReading of(String raw, ExecutionModeSource source) {
        return new ModeReading(raw, source);
    }

    /** The mode the text names, read as the app reads it; empty for a text that names none. */
    public Optional<ExecutionMode> mode() {
        return ExecutionMode.parse(raw);
    }

    /** The canonical name of a known mode (SANDBOXED reads SANDBOX_PROCESS), else the text verbatim. */
    public String display() {
        return mode().map(Enum::name).orElse(raw);
    }
}
