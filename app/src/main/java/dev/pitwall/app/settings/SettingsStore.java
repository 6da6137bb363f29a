package dev.pitwall.app.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.files.PrivateFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** settings.json in the config directory. A broken file never stops the console: defaults are used instead. */
public final class SettingsStore {

    private final Path file;
    private final ObjectMapper json = Json.mapper();
    private String lastProblem;

    public SettingsStore(Path configDir) {
        this.file = configDir.resolve("settings.json");
    }

    public synchronized Settings load() {
        lastProblem = null;
        if (!Files.isRegularFile(file)) {
            return Settings.defaults();
        }
        try {
            Settings s = json.readValue(file.toFile(), Settings.class);
            return s.theme() == null ? s.withTheme(Settings.defaults().theme()) : s;
        } catch (IOException e) {
            lastProblem = "settings file " + file + " is malformed and was ignored: " + e.getMessage();
            return Settings.defaults();
        }
    }

    /** Why the last load fell back to defaults, or null. */
    public synchronized String lastProblem() {
        return lastProblem;
    }

    public synchronized void save(Settings settings) throws IOException {
        PrivateFiles.writeAtomically(file, json.writeValueAsString(settings));
    }
}
