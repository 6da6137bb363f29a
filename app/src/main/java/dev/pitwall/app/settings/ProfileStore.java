package dev.pitwall.app.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.files.PrivateFiles;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.connect.Redaction;
import dev.pitwall.redis.RedisEndpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Profiles as JSON files, one per profile, in {@code <config>/profiles/<name>.json}. A password inside a Redis URL is
 * stripped before saving: only references to secrets (environment variable names) ever reach the disk.
 */
public final class ProfileStore {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Path directory;
    private final ObjectMapper json = Json.mapper();

    public ProfileStore(Path configDir) {
        this.directory = configDir.resolve("profiles");
    }

    public List<String> names() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public ConnectionProfile load(String name) throws SettingsException {
        Path file = fileFor(name);
        if (!Files.isRegularFile(file)) {
            throw new SettingsException("no profile named '" + name + "' (known: "
                    + (names().isEmpty() ? "none" : String.join(", ", names())) + ")");
        }
        try {
            ConnectionProfile p = json.readValue(file.toFile(), ConnectionProfile.class);
            return p.withName(name);
        } catch (JsonProcessingException e) {
            throw new SettingsException("profile file " + file + " is malformed: " + quotesLeftOut(e.getOriginalMessage())
                    + " (line " + e.getLocation().getLineNr() + ")", e);
        } catch (IOException e) {
            throw new SettingsException("profile file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    public void save(ConnectionProfile profile) throws SettingsException {
        Path file = fileFor(profile.name());
        ConnectionProfile safe = withoutSecrets(profile);
        try {
            PrivateFiles.writeAtomically(file, json.writeValueAsString(safe));
        } catch (IOException e) {
            throw new SettingsException("profile " + profile.name() + " cannot be saved: " + e.getMessage(), e);
        }
    }

    public void delete(String name) throws SettingsException {
        try {
            Files.deleteIfExists(fileFor(name));
        } catch (IOException e) {
            throw new SettingsException("profile " + name + " cannot be deleted: " + e.getMessage(), e);
        }
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Passwords written into URLs are not kept: only the names of variables holding secrets reach the disk. */
    static ConnectionProfile withoutSecrets(ConnectionProfile p) {
        String redisUrl = p.redisUrl();
        if (p.hasRedis()) {
            try {
                redisUrl = RedisEndpoint.parse(p.redisUrl()).toSafeUrl();
            } catch (IllegalArgumentException e) {
                redisUrl = Redaction.url(p.redisUrl());
            }
        }
        return new ConnectionProfile(p.name(), p.kubeconfig(), p.kubeContext(), p.namespaceSelector(),
                p.workerSelector(), p.namespaces(), redisUrl, p.redisPasswordEnv(), Redaction.url(p.platformUrl()),
                p.platformKeyEnv(), p.readOnly(), p.production(), p.trustPolicy(), p.queueNames(), p.auditKeyEnv());
    }

    /** The parser's words without the text it quotes from the file, which may be a password typed into it. */
    private static String quotesLeftOut(String message) {
        return Redaction.text(message).replaceAll("'[^']*'", "'\u2026'").replaceAll("\"[^\"]*\"", "\"\u2026\"");
    }

    private Path fileFor(String name) throws SettingsException {
        if (!isValidName(name)) {
            throw new SettingsException("'" + name + "' is not a valid profile name (letters, digits, . _ -)");
        }
        return directory.resolve(name + ".json");
    }
}
