package dev.pitwall.ops.trust;

import dev.pitwall.model.ExecutionMode;

/**
 * What one source says about an execution mode: a known mode (with the value as written), a value that names no
 * mode (kept verbatim), or nothing readable (with the reason).
 *
 * @param mode         the mode, or null when the value names none or nothing was read
 * @param value        the value as written, or null when nothing was read
 * @param unreadReason why nothing was read ("no heartbeat"), or null when a value was read
 */
public record ModeReading(ExecutionMode mode, String value, String unreadReason) {

    /** A value as written: a known mode, or an unknown value reported as such. */
    public static ModeReading of(String value) {
        if (value == null) {
            throw new IllegalArgumentException("a reading needs a value; use unread(reason) when there is none");
        }
        return new ModeReading(ExecutionMode.parse(value).orElse(null), value, null);
    }

    public static ModeReading known(ExecutionMode mode) {
        return new ModeReading(mode, mode.name(), null);
    }

    public static ModeReading unread(String reason) {
        return new ModeReading(null, null, reason);
    }

    public boolean isKnown() {
        return mode != null;
    }

    /** A value was read (known or not): it can be compared with another. */
    public boolean isReported() {
        return unreadReason == null;
    }

    /** The same known mode, or the same unknown value. Nothing read matches nothing. */
    public boolean matches(ModeReading other) {
        if (!isReported() || !other.isReported()) {
            return false;
        }
        return isKnown() ? mode == other.mode : !other.isKnown() && value.equals(other.value);
    }

    /** "SANDBOX_PROCESS", "SANDBOX_PROCESS (written SANDBOXED)", "unknown: 'FOO'" or "unknown: no heartbeat". */
    public String text() {
        if (isKnown()) {
            return value.equals(mode.name()) ? mode.name() : mode.name() + " (written " + value + ")";
        }
        return isReported() ? "unknown: '" + value + "'" : "unknown: " + unreadReason;
    }

    @Override
    public String toString() {
        return text();
    }
}
