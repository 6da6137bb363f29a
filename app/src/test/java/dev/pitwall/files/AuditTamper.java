package dev.pitwall.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What someone who can edit the files but has no audit key does to hide an action: change lines, then recompute the
 * whole chain with plain SHA-256 and write a head that matches it.
 */
final class AuditTamper {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditTamper() {
    }

    /** Applies {@code edit} to every line, recomputes the chain and rewrites the head. */
    static void rewrite(Path log, Consumer<ObjectNode> edit) throws Exception {
        List<String> out = new ArrayList<>();
        String prev = AuditHeadFile.GENESIS;
        for (String line : Files.readAllLines(log)) {
            ObjectNode node = (ObjectNode) JSON.readTree(line);
            node.remove("hash");
            edit.accept(node);
            node.put("prev", prev);
            prev = AuditSeal.sha256(node.toString());
            node.put("hash", prev);
            out.add(node.toString());
        }
        Files.write(log, out);
        Files.writeString(head(log), prev + " " + out.size() + "\n");
    }

    /** Drops the last line and writes the head the shorter log would have had, as far as one can without the key. */
    static void dropLastLine(Path log) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        lines.remove(lines.size() - 1);
        Files.write(log, lines);
        String lastHash = JSON.readTree(lines.get(lines.size() - 1)).path("hash").asText();
        Files.writeString(head(log), lastHash + " " + lines.size() + "\n");
    }

    static Path head(Path log) {
        return log.resolveSibling(log.getFileName() + ".head");
    }
}
