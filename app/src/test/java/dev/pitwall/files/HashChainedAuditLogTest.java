package dev.pitwall.files;

import dev.pitwall.ops.audit.AuditEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HashChainedAuditLogTest {

    @TempDir
    Path dir;

    private HashChainedAuditLog logWithThreeEntries() {
        HashChainedAuditLog log = new HashChainedAuditLog(dir.resolve("audit.jsonl"));
        for (int i = 0; i < 3; i++) {
            log.record(new AuditEntry(Instant.parse("2026-11-28T04:0" + i + ":00Z"), "alice", "trust.fix",
                    "ap-dedicated-globex", Map.of("before", "SANDBOX_CODE_ONLY", "after", "SANDBOX_PROCESS")));
        }
        return log;
    }

    @Test
    void anUntouchedLogVerifiesAndReadsBack() {
        HashChainedAuditLog log = logWithThreeEntries();
        assertThat(log.verify()).isEmpty();
        assertThat(log.entries()).hasSize(3).first().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("alice");
            assertThat(e.details()).containsEntry("after", "SANDBOX_PROCESS");
        });
    }

    @Test
    void anEditedLineIsDetected() throws Exception {
        logWithThreeEntries();
        Path file = dir.resolve("audit.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(1, lines.get(1).replace("alice", "mallory"));
        Files.write(file, lines);
        assertThat(new HashChainedAuditLog(file).verify()).anyMatch(p -> p.startsWith("line 2: its content was changed"));
    }

    @Test
    void aRemovedLineIsDetected() throws Exception {
        logWithThreeEntries();
        Path file = dir.resolve("audit.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.remove(1);
        Files.write(file, lines);
        assertThat(new HashChainedAuditLog(file).verify()).anyMatch(p -> p.contains("does not follow"));
    }

    @Test
    void aTruncatedLogIsDetected() throws Exception {
        logWithThreeEntries();
        Path file = dir.resolve("audit.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        Files.write(file, lines.subList(0, 2));
        assertThat(new HashChainedAuditLog(file).verify()).singleElement().asString().contains("truncated");
    }
}
