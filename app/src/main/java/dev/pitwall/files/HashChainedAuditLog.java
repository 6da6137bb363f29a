package dev.pitwall.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pitwall.ops.audit.AuditEntry;
import dev.pitwall.ops.audit.AuditLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit log: JSON lines, each carrying the SHA-256 of the previous line ({@code prev}) and its own hash
 * ({@code hash}) over its content plus {@code prev}. Editing, removing or reordering a line breaks the chain; cutting
 * the end is caught by a separate head file holding the last hash and count.
 */
public final class HashChainedAuditLog implements AuditLog {

    private static final String GENESIS = "0".repeat(64);

    private final Path file;
    private final Path head;
    private final ObjectMapper json = ReplayJson.mapper();

    public HashChainedAuditLog(Path file) {
        this.file = file;
        this.head = file.resolveSibling(file.getFileName() + ".head");
    }

    @Override
    public synchronized void record(AuditEntry entry) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            String[] last = readHead();
            ObjectNode node = content(entry);
            node.put("prev", last[0]);
            node.put("hash", hash(node.toString()));
            Files.writeString(file, node + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
            long count = Long.parseLong(last[1]) + 1;
            Files.writeString(head, node.get("hash").asText() + " " + count + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<AuditEntry> entries() {
        List<AuditEntry> out = new ArrayList<>();
        for (String line : lines()) {
            try {
                JsonNode n = json.readTree(line);
                Map<String, String> details = new LinkedHashMap<>();
                n.path("details").fields().forEachRemaining(e -> details.put(e.getKey(), e.getValue().asText()));
                out.add(new AuditEntry(Instant.parse(n.path("at").asText()), n.path("actor").asText(),
                        n.path("action").asText(), n.path("target").asText(), details));
            } catch (IOException | RuntimeException e) {
                // a damaged line is reported by verify(); the readable rest is still shown
            }
        }
        return out;
    }

    @Override
    public synchronized List<String> verify() {
        List<String> problems = new ArrayList<>();
        String prev = GENESIS;
        List<String> lines = lines();
        for (int i = 0; i < lines.size(); i++) {
            try {
                ObjectNode n = (ObjectNode) json.readTree(lines.get(i));
                String claimed = n.path("hash").asText();
                if (!prev.equals(n.path("prev").asText())) {
                    problems.add("line " + (i + 1) + ": does not follow line " + i + " (a line was removed, added or"
                            + " reordered)");
                }
                n.remove("hash");
                if (!hash(n.toString()).equals(claimed)) {
                    problems.add("line " + (i + 1) + ": its content was changed after it was written");
                }
                prev = claimed;
            } catch (IOException | RuntimeException e) {
                problems.add("line " + (i + 1) + ": not a readable audit entry");
                prev = "";
            }
        }
        String[] expected = readHead();
        if (!expected[0].equals(prev) || Long.parseLong(expected[1]) != lines.size()) {
            problems.add("the log ends after " + lines.size() + " entries but " + expected[1]
                    + " were written: it was truncated or its end was replaced");
        }
        return problems;
    }

    private ObjectNode content(AuditEntry e) {
        ObjectNode node = json.createObjectNode();
        node.put("at", e.at().toString());
        node.put("actor", e.actor());
        node.put("action", e.action());
        node.put("target", e.target());
        ObjectNode details = node.putObject("details");
        e.details().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(d -> details.put(d.getKey(), d.getValue()));
        return node;
    }

    private List<String> lines() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log " + file + ": " + e.getMessage(), e);
        }
    }

    private String[] readHead() {
        try {
            if (!Files.exists(head)) {
                return new String[]{GENESIS, "0"};
            }
            String[] parts = Files.readString(head).trim().split(" ");
            return parts.length == 2 ? parts : new String[]{"(unreadable head)", "-1"};
        } catch (IOException e) {
            return new String[]{"(unreadable head)", "-1"};
        }
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
