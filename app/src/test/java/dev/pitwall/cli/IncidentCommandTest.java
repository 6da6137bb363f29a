package dev.pitwall.cli;

import dev.pitwall.files.HashChainedAuditLog;
import dev.pitwall.files.IncidentReportFiles;
import dev.pitwall.ops.audit.AuditEntry;
import dev.pitwall.ops.report.ReportSources;
import dev.pitwall.ops.timeline.AuditTimeline;
import dev.pitwall.ops.timeline.TimelineEntry;
import dev.pitwall.ops.timeline.TimelineKind;
import dev.pitwall.ops.timeline.TimelineSource;
import dev.pitwall.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code pitwall incident timeline|report}: order, filters, times, and a tampered audit log failing the command. */
class IncidentCommandTest {

    private static final Instant T0 = Instant.parse("2026-11-27T22:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0.plus(Duration.ofMinutes(30)));
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private HashChainedAuditLog audit() {
        HashChainedAuditLog log = new HashChainedAuditLog(dir.resolve("audit.jsonl"));
        log.record(new AuditEntry(T0.plus(Duration.ofMinutes(20)), "alice", "trust.fix", "globex", Map.of()));
        return log;
    }

    private int run(HashChainedAuditLog log, String... args) throws Exception {
        TimelineSource revisions = new TimelineSource() {
            @Override
            public String name() {
                return "revision history";
            }

            @Override
            public Reading read(Instant from, Instant to) {
                return Reading.of(List.of(new TimelineEntry(T0.plus(Duration.ofMinutes(5)), TimelineKind.REVISION,
                        TimelineEntry.Level.WARNING, "ap-shared/activepieces-worker", "revision 3 \u2192 4", null)));
            }
        };
        IncidentCommand command = new IncidentCommand(() -> new ReportSources(List.of(new AuditTimeline(log),
                revisions), null, "no platform", log, List.of(), null), new IncidentReportFiles(),
                dir.resolve("incidents"), clock, ZoneOffset.UTC);
        return command.run(ParsedArgs.parse(List.of(args), command.options()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theTimelineIsPrintedOldestFirstAndFilteredByKind() throws Exception {
        assertThat(run(audit(), "timeline", "--from", "1h")).isZero();
        assertThat(out().lines().toList()).hasSize(2).satisfiesExactly(
                l -> assertThat(l).startsWith("2026-11-27 22:05:00  \u26A0 WARNING   revision  ap-shared"),
                l -> assertThat(l).contains("action  globex  trust.fix by alice  [by alice]"));
        out.reset();
        assertThat(run(audit(), "timeline", "--from", "2026-11-27T22:10:00Z", "--kind", "action", "--json"))
                .isZero();
        assertThat(out()).contains("\"kind\":\"action\"").doesNotContain("revision");
    }

    @Test
    void theReportIsWrittenAndATamperedAuditLogFailsTheCommand() throws Exception {
        audit();
        Path file = dir.resolve("audit.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(0, lines.get(0).replace("alice", "mallory"));
        Files.write(file, lines);
        int code = run(new HashChainedAuditLog(file), "report", "--from", "2026-11-27T22:00:00Z", "--out",
                dir.resolve("r").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("the audit log is TAMPERED OR TRUNCATED");
        assertThat(out()).contains("# Incident report: 2026-11-27 22:00:00 to 2026-11-27 22:30:00 UTC",
                "The audit log failed its integrity check");
        assertThat(dir.resolve("r").resolve("incident-20261127-2200.json")).exists();
    }

    @Test
    void badTimesAndKindsAreUsageErrors() {
        assertThatThrownBy(() -> run(audit(), "report")).isInstanceOf(UsageException.class)
                .hasMessageContaining("needs --from");
        assertThatThrownBy(() -> run(audit(), "timeline", "--from", "yesterday")).isInstanceOf(UsageException.class)
                .hasMessageContaining("an ISO instant");
        assertThatThrownBy(() -> run(audit(), "timeline", "--kind", "weather")).isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown --kind weather");
        assertThatThrownBy(() -> run(audit(), "timeline", "--from", "10m", "--to", "1h"))
                .isInstanceOf(UsageException.class).hasMessageContaining("is before --from");
    }
}
