package dev.pitwall.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pitwall.model.Alert;
import dev.pitwall.ops.alert.AlertCenter;
import dev.pitwall.ops.alert.AlertHistory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An alert history as JSON Lines ({@code NAME.jsonl}). Past {@link #ROTATE_AT} bytes the file becomes
 * {@code NAME.1.jsonl} (replacing the one before), so that the history stays bounded and a read stays quick. A line
 * that cannot be read (cut off by a crash, edited by hand) is left out and the others are kept. One instance serves a
 * file: its reads and writes take turns.
 */
public final class AlertHistoryFile implements AlertHistory {

    static final long ROTATE_AT = 8L * 1024 * 1024;

    private final ObjectMapper json = new ObjectMapper();
    private final Path file;
    private final Path older;

    private final long rotateAt;

    public AlertHistoryFile(Path file) {
        this(file, ROTATE_AT);
    }

    AlertHistoryFile(Path file, long rotateAt) {
        this.file = file;
        this.rotateAt = rotateAt;
        String name = file.getFileName().toString();
        String base = name.endsWith(".jsonl") ? name.substring(0, name.length() - ".jsonl".length()) : name;
        this.older = file.resolveSibling(base + ".1.jsonl");
    }

    @Override
    public synchronized void append(AlertCenter.Entry entry) {
        try {
            if (Files.exists(file) && Files.size(file) > rotateAt) {
                Files.move(file, older, StandardCopyOption.REPLACE_EXISTING);
            }
            try (FileChannel channel = PrivateFiles.openForAppend(file)) {
                channel.write(ByteBuffer.wrap((line(entry) + "\n").getBytes(StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the alert history " + file + " cannot be written: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<AlertCenter.Entry> read(Instant from, Instant to) {
        List<AlertCenter.Entry> out = new ArrayList<>();
        readInto(older, from, to, out);
        readInto(file, from, to, out);
        return out;
    }

    @Override
    public synchronized void clear() {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(older);
        } catch (IOException e) {
            throw new UncheckedIOException("the alert history " + file + " cannot be cleared: " + e.getMessage(), e);
        }
    }

    private void readInto(Path path, Instant from, Instant to, List<AlertCenter.Entry> out) {
        if (!Files.exists(path)) {
            return;
        }
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String text;
            while ((text = reader.readLine()) != null) {
                AlertCenter.Entry entry = parse(text);
                if (entry != null && !entry.at().isBefore(from) && !entry.at().isAfter(to)) {
                    out.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the alert history " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    private String line(AlertCenter.Entry e) throws IOException {
        Alert a = e.alert();
        ObjectNode node = json.createObjectNode();
        node.put("at", e.at().toString());
        node.put("change", e.change().name());
        node.put("severity", a.severity().name());
        node.put("kind", a.kind());
        node.put("subject", a.subject());
        node.put("message", a.message());
        node.put("raisedAt", a.raisedAt() == null ? null : a.raisedAt().toString());
        return json.writeValueAsString(node);
    }

    /** The entry a line holds, or null for a line that holds none. */
    private AlertCenter.Entry parse(String text) {
        try {
            JsonNode n = json.readTree(text);
            String raisedAt = n.path("raisedAt").isTextual() ? n.get("raisedAt").asText() : null;
            Alert alert = new Alert(Alert.Severity.valueOf(n.get("severity").asText()), n.get("kind").asText(),
                    n.get("subject").asText(), n.get("message").asText(),
                    raisedAt == null ? null : Instant.parse(raisedAt));
            return new AlertCenter.Entry(Instant.parse(n.get("at").asText()),
                    AlertCenter.Change.valueOf(n.get("change").asText()), alert);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
