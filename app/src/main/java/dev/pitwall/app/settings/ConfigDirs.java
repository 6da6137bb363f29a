package dev.pitwall.app.settings;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Pitwall keeps its files: the config directory (profiles, settings) and the state directory (audit log,
 * journals, plans). PITWALL_CONFIG_DIR and PITWALL_STATE_DIR override both, for tests and portable installs.
 */
public record ConfigDirs(Path config, Path state) {

    public static ConfigDirs fromEnvironment() {
        return from(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    static ConfigDirs from(Map<String, String> env, String osName, Path home) {
        String os = osName.toLowerCase();
        Path config;
        Path state;
        if (os.contains("win")) {
            Path appData = pathOr(env.get("APPDATA"), home.resolve("AppData").resolve("Roaming"));
            Path local = pathOr(env.get("LOCALAPPDATA"), home.resolve("AppData").resolve("Local"));
            config = appData.resolve("Pitwall");
            state = local.resolve("Pitwall");
        } else if (os.contains("mac")) {
            config = home.resolve("Library").resolve("Application Support").resolve("Pitwall");
            state = config.resolve("state");
        } else {
            config = pathOr(env.get("XDG_CONFIG_HOME"), home.resolve(".config")).resolve("pitwall");
            state = pathOr(env.get("XDG_STATE_HOME"), home.resolve(".local").resolve("state")).resolve("pitwall");
        }
        config = pathOr(env.get("PITWALL_CONFIG_DIR"), config);
        state = pathOr(env.get("PITWALL_STATE_DIR"), state);
        return new ConfigDirs(config, state);
    }

    private static Path pathOr(String value, Path fallback) {
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }
}
