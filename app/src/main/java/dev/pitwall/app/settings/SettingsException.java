package dev.pitwall.app.settings;

/** A settings or profile file cannot be used; the message names the file and what is wrong with it. */
public final class SettingsException extends Exception {

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }

    public SettingsException(String message) {
        super(message);
    }
}
