package dev.pitwall.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pitwall.ops.audit.AuditEntry;
import dev.pitwall.ops.audit.AuditHead;
import dev.pitwall.ops.audit.AuditLog;
import dev.pitwall.ops.audit.AuditProtection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The audit log: JSON lines, each carrying its number ({@code seq}), the hash of the line before ({@code prev}) and
 * its own hash over its content and {@code prev} (HMAC-SHA-256 with the audit key when one is configured, else
 * SHA-256). Editing, removing or reordering a line breaks the chain; cutting the end is caught by the head file.
 *
 * <p>Appends take an OS lock on {@code <log>.lock}, so a console and command lines on one machine (and the threads of
 * each) write one at a time. An append writes its line and forces it to the disk, then replaces the head atomically.
 * A crash between the two leaves the head one entry behind: that, and a line cut off by a crash, are repaired (under
 * the lock) by the next append or check, while any other mismatch is reported.
 */
public final class HashChainedAuditLog implements AuditLog {

    /** The points of an append, in order, where a crash test may stop the process. */
    enum Step { LOCKED, LINE_WRITTEN, LINE_FORCED, HEAD_WRITTEN_NOT_RENAMED, HEAD_RENAMED }

    private final Path file;
    private final AuditHeadFile head;
    private final FileMutex mutex;
    private final Supplier<Optional<byte[]>> key;
    private final Consumer<Step> steps;
    private final ObjectMapper json = ReplayJson.mapper();

    /** An unkeyed log. */
    public HashChainedAuditLog(Path file) {
        this(file, Optional::empty);
    }

    /** @param key the audit key, asked at each append and check; empty for the unkeyed chain */
    public HashChainedAuditLog(Path file, Supplier<Optional<byte[]>> key) {
        this(file, key, step -> { });
    }

    HashChainedAuditLog(Path file, Supplier<Optional<byte[]>> key, Consumer<Step> steps) {
        this.file = file.toAbsolutePath();
        this.head = new AuditHeadFile(this.file);
        this.mutex = new FileMutex(this.file.resolveSibling(this.file.getFileName() + ".lock"));
        this.key = key;
        this.steps = steps;
    }

    @Override
    public void record(AuditEntry entry) {
        append(entry);
    }

    @Override
    public Optional<AuditHead> append(AuditEntry entry) {
        AuditSeal seal = seal();
        try {
            return Optional.of(mutex.hold(() -> {
                steps.accept(Step.LOCKED);
                AuditLines.Tail tail = AuditLines.tail(file);
                if (!head.exists() && tail.last() == null) {
                    // a sealed start, so that a log cut back to its first line still shows
                    head.write(AuditHeadFile.GENESIS, 0, seal, () -> { });
                }
                ObjectNode last = tail.last() == null ? null : parse(tail.last());
                if (tail.cut()) {
                    cleanCutEnd(tail, last);
                }
                long seq = tail.last() == null ? 1 : last != null && last.has("seq") ? last.path("seq").asLong() + 1
                        : AuditLines.read(file).lines().size() + 1;
                ObjectNode node = content(entry, seq, seal);
                node.put("prev", tail.last() == null ? AuditHeadFile.GENESIS : last == null ? ""
                        : last.path("hash").asText());
                String hash = seal.line(node.toString());
                node.put("hash", hash);
                appendLine(node + "\n");
                head.write(hash, seq, seal, () -> steps.accept(Step.HEAD_WRITTEN_NOT_RENAMED));
                steps.accept(Step.HEAD_RENAMED);
                return new AuditHead(hash, seq);
            }));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<AuditEntry> entries() {
        List<AuditEntry> out = new ArrayList<>();
        try {
            for (String line : AuditLines.read(file).lines()) {
                entry(line).ifPresent(out::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public List<String> verify() {
        AuditSeal seal = seal();
        try {
            return mutex.hold(() -> AuditRepair.check(file, head, seal, json));
        } catch (IOException e) {
            return List.of("the audit log cannot be read: " + e.getMessage());
        }
    }

    @Override
    public AuditProtection protection() {
        return seal().protection();
    }

    private AuditSeal seal() {
        return key.get().map(AuditSeal::keyed).orElseGet(AuditSeal::unkeyed);
    }

    /**
     * Text after the last newline: an append a crash cut off when the head still names the last whole line (it was
     * never acknowledged, so it goes); otherwise damage, which stays for the check to report, ended by a newline.
     */
    private void cleanCutEnd(AuditLines.Tail tail, ObjectNode last) throws IOException {
        String lastHash = last == null ? AuditHeadFile.GENESIS : last.path("hash").asText();
        if (head.read().filter(h -> h.hash().equals(lastHash)).isPresent()) {
            AuditLines.truncate(file, tail.wholeLength());
        } else {
            appendLine("\n");
        }
    }

    private void appendLine(String text) throws IOException {
        try (FileChannel channel = PrivateFiles.openForAppend(file)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            steps.accept(Step.LINE_WRITTEN);
            channel.force(true);
            steps.accept(Step.LINE_FORCED);
        }
        PrivateFiles.syncDirectory(file.getParent());
    }

    private ObjectNode content(AuditEntry e, long seq, AuditSeal seal) {
        ObjectNode node = json.createObjectNode();
        node.put("seq", seq);
        node.put("at", e.at().toString());
        node.put("actor", e.actor());
        node.put("action", e.action());
        node.put("target", e.target());
        ObjectNode details = node.putObject("details");
        e.details().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(d -> details.put(d.getKey(), d.getValue()));
        if (seal.keyed()) {
            node.put("alg", AuditSeal.KEYED_ALG);
        }
        return node;
    }

    private ObjectNode parse(String line) {
        try {
            return json.readTree(line) instanceof ObjectNode node ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private Optional<AuditEntry> entry(String line) {
        ObjectNode n = parse(line);
        if (n == null) {
            return Optional.empty(); // a damaged line is reported by verify(); the readable rest is still shown
        }
        try {
            Map<String, String> details = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> d : n.path("details").properties()) {
                details.put(d.getKey(), d.getValue().asText());
            }
            return Optional.of(new AuditEntry(Instant.parse(n.path("at").asText()), n.path("actor").asText(),
                    n.path("action").asText(), n.path("target").asText(), details));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
