package dev.pitwall.app.settings;

/** What the console remembers between starts. */
public record Settings(String lastProfile, String theme) {

    public static Settings defaults() {
        return new Settings(null, "light");
    }

    public Settings withTheme(String value) {
        return new Settings(lastProfile, value);
    }

    public Settings withLastProfile(String value) {
        return new Settings(value, theme);
    }
}
