package dev.pitwall.ui.shell;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A theme is only a palette: every theme shares tokens.css and swaps the palette file under it. */
public enum Theme {
    LIGHT("light"),
    DARK("dark"),
    WAR_ROOM("war-room");

    private final String id;

    Theme(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Palette first, then the tokens and control sections that use it. */
    public List<String> stylesheets() {
        return List.of(resource(id + ".css"), resource("tokens.css"));
    }

    public static Optional<Theme> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equalsIgnoreCase(id)).findFirst();
    }

    private static String resource(String file) {
        var url = Theme.class.getResource("/styles/" + file);
        if (url == null) {
            throw new IllegalStateException("stylesheet missing from the class path: styles/" + file);
        }
        return url.toExternalForm();
    }

    @Override
    public String toString() {
        return switch (this) {
            case LIGHT -> "Light";
            case DARK -> "Dark";
            case WAR_ROOM -> "War room";
        };
    }
}
