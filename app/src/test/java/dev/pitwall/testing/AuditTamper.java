package dev.pitwall.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * What someone who can edit the files but has no audit key does to hide an action: change lines, then recompute the
 * whole chain with plain SHA-256 and write a head that matches it.
 */
public final class AuditTamper {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditTamper() {
    }

    /** Applies {@code edit} to every line, recomputes the chain and rewrites the head. */
    public static void rewrite(Path log, Consumer<ObjectNode> edit) throws Exception {
        List<String> out = new ArrayList<>();
        String prev = "0".repeat(64);
        for (String line : Files.readAllLines(log)) {
            ObjectNode node = (ObjectNode) JSON.readTree(line);
            node.remove("hash");
            edit.accept(node);
            node.put("prev", prev);
            prev = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(node.toString().getBytes(StandardCharsets.UTF_8)));
            node.put("hash", prev);
            out.add(node.toString());
        }
        Files.write(log, out);
        Files.writeString(head(log), prev + " " + out.size() + "\n");
    }

    /** Drops the last line and writes the head the shorter log would have had, as far as one can without the key. */
    public static void dropLastLine(Path log) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        lines.remove(lines.size() - 1);
        Files.write(log, lines);
        String lastHash = JSON.readTree(lines.get(lines.size() - 1)).path("hash").asText();
        Files.writeString(head(log), lastHash + " " + lines.size() + "\n");
    }

    public static Path head(Path log) {
        return log.resolveSibling(log.getFileName() + ".head");
    }
}
