package dev.pitwall.ui.shell;

import dev.pitwall.model.BackendStatus;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How one back-end's status reads in the status bar: icon and words, never colour alone. */
public final class BackendIndicatorText {

    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private BackendIndicatorText() {
    }

    public static String icon(BackendStatus s) {
        return switch (s.state()) {
            case CONNECTED -> "\u2714";      // check mark
            case CONNECTING -> "\u2026";     // ellipsis
            case STALE -> "\u26A0";          // warning sign
            case ERROR -> "\u2716";          // heavy x
            case NOT_CONFIGURED -> "\u2013"; // en dash
        };
    }

    public static String text(BackendStatus s, ZoneId zone) {
        String name = s.kind().displayName();
        return switch (s.state()) {
            case CONNECTED -> name + ": connected";
            case CONNECTING -> name + ": connecting";
            case STALE -> name + ": stale since " + HMS.format(s.since().atZone(zone));
            case ERROR -> name + ": error";
            case NOT_CONFIGURED -> name + ": not configured";
        };
    }

    /** The tooltip: the reason for anything but a healthy connection. */
    public static String detail(BackendStatus s, ZoneId zone) {
        return switch (s.state()) {
            case CONNECTED -> s.kind().displayName() + " answered at " + HMS.format(s.since().atZone(zone));
            case CONNECTING -> "waiting for the first answer from " + s.kind().displayName();
            default -> s.reason();
        };
    }

    /** The CSS style class that carries the colour. */
    public static String styleClass(BackendStatus s) {
        return switch (s.state()) {
            case CONNECTED -> "status-ok";
            case CONNECTING, NOT_CONFIGURED -> "status-off";
            case STALE -> "status-warning";
            case ERROR -> "status-danger";
        };
    }
}
