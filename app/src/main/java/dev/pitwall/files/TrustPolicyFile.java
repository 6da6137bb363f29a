package dev.pitwall.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pitwall.ops.trust.PolicyFiles;
import dev.pitwall.ops.trust.PolicyLoad;
import dev.pitwall.ops.trust.TrustPolicyException;
import dev.pitwall.ops.trust.TrustPolicyParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Trust policy files: JSON when the name ends in .json, else YAML. The file is parsed into plain maps and lists and
 * checked by {@link TrustPolicyParser}; snapshots are written whole or not at all (temporary file, then a move).
 * Being YAML, a snapshot saved as .json is converted.
 */
public final class TrustPolicyFile implements PolicyFiles {

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public PolicyLoad load(String location) {
        Path file = Path.of(location);
        if (!Files.exists(file)) {
            return PolicyLoad.missing(location);
        }
        try {
            Object tree = mapperFor(file).readValue(Files.readString(file, StandardCharsets.UTF_8), Object.class);
            return PolicyLoad.loaded(location, TrustPolicyParser.parse(tree, location));
        } catch (TrustPolicyException e) {
            return PolicyLoad.invalid(location, e.problems());
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            return PolicyLoad.invalid(location, List.of(where + "not valid " + format(file) + ": "
                    + e.getOriginalMessage()));
        } catch (IOException e) {
            return PolicyLoad.invalid(location, List.of("cannot be read: " + e.getMessage()));
        }
    }

    /** Writes YAML {@code text}; to a .json file as JSON (its comments are lost then). */
    @Override
    public void save(String location, String text) throws IOException {
        Path file = Path.of(location).toAbsolutePath();
        if (isJson(file)) {
            Object tree = yaml.readValue(text, Object.class);
            text = json.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
        }
        PrivateFiles.writeAtomically(file, text);
    }

    private ObjectMapper mapperFor(Path file) {
        return isJson(file) ? json : yaml;
    }

    private static boolean isJson(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    private static String format(Path file) {
        return isJson(file) ? "JSON" : "YAML";
    }
}
