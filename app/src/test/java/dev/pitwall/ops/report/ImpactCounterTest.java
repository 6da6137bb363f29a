package dev.pitwall.ops.report;

import dev.pitwall.testing.Guards;
import dev.pitwall.model.FailedStep;
import dev.pitwall.model.FlowRun;
import dev.pitwall.model.RunStatus;
import dev.pitwall.ops.replay.JournalEntry;
import dev.pitwall.ops.replay.ReplayFiles;
import dev.pitwall.ops.replay.ReplayItem;
import dev.pitwall.ops.replay.ReplayJournal;
import dev.pitwall.ops.replay.ReplayPlan;
import dev.pitwall.ops.replay.ReplayReport;
import dev.pitwall.ops.replay.ReplaySettings;
import dev.pitwall.ops.replay.ReplaySource;
import dev.pitwall.ops.runs.FlowRunSource;
import dev.pitwall.ops.runs.RetryStrategy;
import dev.pitwall.ops.runs.RunGroupKey;
import dev.pitwall.ops.runs.RunPage;
import dev.pitwall.ops.runs.RunQuery;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The impact of a window: runs still failing on the platform, joined with a replay journal whose runs were sent and
 * one of which succeeded (so the platform no longer lists it as failed).
 */
class ImpactCounterTest {

    private static final Instant T0 = Instant.parse("2026-11-27T22:00:00Z");

    private static FlowRun failed(String id, String flow, String step, int minute) {
        return new FlowRun(id, "p", flow, null, new RunStatus("FAILED"), T0.plus(Duration.ofMinutes(minute)), null,
                null, new FailedStep(step, step, "npm install failed: EACCES"), null, null, null);
    }

    @Test
    void countsFailedReplayedRecoveredAndStillFailingPerGroup() {
        List<FlowRun> platform = new ArrayList<>(List.of(failed("a", "flow-1", "code", 13),
                failed("b", "flow-1", "code", 14), failed("c", "flow-2", "http", 20),
                failed("early", "flow-1", "code", -30)));
        FlowRun recovered = failed("d", "flow-1", "code", 15);
        String group = RunGroupKey.of(recovered).toString();
        ReplayPlan plan = new ReplayPlan("plan-1", T0.plus(Duration.ofMinutes(30)), ReplaySource.PLATFORM,
                RetryStrategy.FROM_FAILED_STEP, "step code", List.of(
                new ReplayItem("a", "p", "flow-1", "code", group, T0.plus(Duration.ofMinutes(13)), null),
                new ReplayItem("d", "p", "flow-1", "code", group, T0.plus(Duration.ofMinutes(15)), null)), List.of(),
                Guards.PLATFORM);
        Instant at = T0.plus(Duration.ofMinutes(31));
        List<JournalEntry> journal = List.of(new JournalEntry.Started(at, plan, ReplaySettings.defaults()),
                new JournalEntry.Sending(at, 1, "p", List.of("a", "d"), false),
                new JournalEntry.Answered(at, 1, List.of("a", "d"), List.of()),
                new JournalEntry.Finished(at, "d", JournalEntry.Outcome.SUCCEEDED, null, null),
                new JournalEntry.Finished(at, "a", JournalEntry.Outcome.FAILED_AGAIN, "code", "again"));

        ImpactCounter.Counted c = new ImpactCounter(source(platform), files(journal))
                .count(T0, T0.plus(Duration.ofHours(1)));

        IncidentImpact i = c.impact();
        assertThat(c.problems()).isEmpty();
        assertThat(i.failed()).isEqualTo(4);
        assertThat(i.stillFailing()).isEqualTo(3);
        assertThat(i.replayed()).isEqualTo(2);
        assertThat(i.recovered()).isEqualTo(1);
        assertThat(i.byGroup().get(0)).isEqualTo(new IncidentImpact.GroupCount(group, 3, 2, 1, 2));
        assertThat(i.byGroup()).hasSize(2);
    }

    private static FlowRunSource source(List<FlowRun> runs) {
        return new FlowRunSource() {
            @Override
            public RunPage page(RunQuery q, String cursor, int limit) {
                return new RunPage(runs.stream().filter(r -> !r.created().isBefore(q.createdAfter())
                        && (q.createdBefore() == null || r.created().isBefore(q.createdBefore()))).toList(), null);
            }

            @Override
            public Optional<FlowRun> get(String runId) {
                return Optional.empty();
            }
        };
    }

    private static ReplayFiles files(List<JournalEntry> entries) {
        return new ReplayFiles() {
            @Override
            public void savePlan(ReplayPlan plan, Path file) {
            }

            @Override
            public ReplayPlan loadPlan(Path file) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ReplayJournal journal(Path file) {
                return new ReplayJournal() {
                    @Override
                    public void append(JournalEntry entry) {
                    }

                    @Override
                    public List<JournalEntry> readAll() {
                        return entries;
                    }

                    @Override
                    public List<String> problems() {
                        return List.of();
                    }
                };
            }

            @Override
            public void saveReport(ReplayReport report, Path json, Path markdown) {
            }

            @Override
            public List<Path> journals() {
                return List.of(Path.of("plan-1.journal.jsonl"));
            }

            @Override
            public Path defaultJournal(ReplayPlan plan) {
                return Path.of("plan-1.journal.jsonl");
            }
        };
    }
}
