package dev.pitwall.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.ops.audit.AuditEntry;
import dev.pitwall.ops.report.IncidentReport;
import dev.pitwall.ops.report.IncidentReporter;
import dev.pitwall.ops.timeline.AuditTimeline;
import dev.pitwall.ops.timeline.IncidentTimeline;
import dev.pitwall.ops.timeline.IncidentWindow;
import dev.pitwall.ops.timeline.TimelineKind;
import dev.pitwall.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's actions come from the audit log, and a tampered or truncated log is reported in it. */
class IncidentReportFilesTest {

    private static final Instant T0 = Instant.parse("2026-11-27T22:00:00Z");

    @TempDir
    Path dir;

    private HashChainedAuditLog logWithActions() {
        HashChainedAuditLog log = new HashChainedAuditLog(dir.resolve("audit.jsonl"));
        log.record(new AuditEntry(T0.plus(Duration.ofMinutes(20)), "alice", "trust.fix",
                "deployment ap-dedicated-globex/activepieces-worker-globex",
                Map.of("before", "SANDBOX_CODE_ONLY", "after", "SANDBOX_PROCESS")));
        log.record(new AuditEntry(T0.plus(Duration.ofMinutes(25)), "bob", "replay.started", "plan-1",
                Map.of("runs", "120")));
        log.record(new AuditEntry(T0.plus(Duration.ofHours(3)), "bob", "rollback.executed", "later", Map.of()));
        return log;
    }

    private IncidentReport report(HashChainedAuditLog log) {
        IncidentReporter reporter = new IncidentReporter(new IncidentTimeline(List.of(new AuditTimeline(log))), null,
                "no platform in this profile", log, new MutableClock(T0.plus(Duration.ofHours(4))));
        return reporter.build(new IncidentWindow(T0, T0.plus(Duration.ofHours(1))));
    }

    @Test
    void anIntactLogGivesTheActionsWithWhoAndWhen() throws Exception {
        IncidentReport report = report(logWithActions());
        assertThat(report.auditIntact()).isTrue();
        assertThat(report.actions()).extracting(AuditEntry::actor).containsExactly("alice", "bob");
        assertThat(report.timeline()).allMatch(e -> e.kind() == TimelineKind.ACTION).hasSize(2);
        List<Path> files = new IncidentReportFiles().write(report, dir.resolve("out"));
        String md = Files.readString(files.get(0));
        assertThat(md).contains("| 2026-11-27 22:20:00 | alice | trust.fix |", "## Action items",
                "Audit log: intact", "impact: no platform in this profile");
        JsonNode json = new ObjectMapper().readTree(files.get(1).toFile());
        assertThat(json.path("actions")).hasSize(2);
        assertThat(json.path("actions").get(0).path("actor").asText()).isEqualTo("alice");
        assertThat(json.path("auditLog").path("intact").asBoolean()).isTrue();
        assertThat(json.path("actionItems")).isEmpty();
        assertThat(json.path("impact").isNull()).isTrue();
    }

    @Test
    void aTamperedLogIsReportedInTheReportAndTheTimeline() throws Exception {
        logWithActions();
        Path file = dir.resolve("audit.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(0, lines.get(0).replace("alice", "mallory"));
        Files.write(file, lines);

        IncidentReport report = report(new HashChainedAuditLog(file));
        assertThat(report.auditIntact()).isFalse();
        assertThat(report.problems()).anyMatch(p -> p.startsWith("audit log: TAMPERED OR TRUNCATED: line 1"));
        IncidentReportFiles files = new IncidentReportFiles();
        assertThat(files.markdown(report)).contains("The audit log failed its integrity check",
                "Audit log: TAMPERED OR TRUNCATED");
        JsonNode json = new ObjectMapper().readTree(files.json(report));
        assertThat(json.path("auditLog").path("intact").asBoolean()).isFalse();
        assertThat(json.path("auditLog").path("problems").get(0).asText()).contains("content was changed");
    }

    @Test
    void aTruncatedLogIsReported() throws Exception {
        logWithActions();
        Path file = dir.resolve("audit.jsonl");
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(0, 2));
        IncidentReport report = report(new HashChainedAuditLog(file));
        assertThat(report.auditProblems()).singleElement().asString().contains("truncated");
        assertThat(report.summary()).anyMatch(s -> s.startsWith("Audit log: TAMPERED OR TRUNCATED"));
    }
}
