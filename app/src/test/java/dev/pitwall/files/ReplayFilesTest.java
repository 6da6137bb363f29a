package dev.pitwall.files;

import dev.pitwall.testing.Guards;
import dev.pitwall.ops.replay.JournalEntry;
import dev.pitwall.ops.replay.JournalState;
import dev.pitwall.ops.replay.ReplayItem;
import dev.pitwall.ops.replay.ReplayPlan;
import dev.pitwall.ops.replay.ReplaySettings;
import dev.pitwall.ops.replay.ReplaySource;
import dev.pitwall.ops.replay.Exclusion;
import dev.pitwall.ops.runs.RetryStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayFilesTest {

    @TempDir
    Path dir;

    private final Instant t = Instant.parse("2026-11-28T04:00:00Z");

    private ReplayPlan plan() {
        return new ReplayPlan("p1", t, ReplaySource.PLATFORM, RetryStrategy.FROM_FAILED_STEP, "last 6 h",
                List.of(new ReplayItem("r1", "proj", "f", "step_2", "f / step_2 / x", t, t),
                        new ReplayItem("r2", "proj", "f", "step_2", "f / step_2 / x", t, t)),
                List.of(new Exclusion("r3", "succeeded since")), Guards.PLATFORM);
    }

    private void writeJournal(JsonLinesJournal journal) {
        journal.append(new JournalEntry.Started(t, plan(), ReplaySettings.defaults()));
        journal.append(new JournalEntry.Sending(t, 1, "proj", List.of("r1", "r2"), false));
        journal.append(new JournalEntry.Answered(t, 1, List.of("r1"),
                List.of(new JournalEntry.Rejected("r2", "FLOW_RUN_RETRY_OUTSIDE_RETENTION", "too old"))));
        journal.append(new JournalEntry.Finished(t, "r1", JournalEntry.Outcome.SUCCEEDED, null, null));
    }

    @Test
    void aJournalReadsBackIntoTheSameState() {
        JsonLinesJournal journal = new JsonLinesJournal(dir.resolve("j.jsonl"));
        writeJournal(journal);
        journal.close();
        JournalState state = JournalState.of(new JsonLinesJournal(dir.resolve("j.jsonl")).readAll());
        assertThat(state.plan().items()).hasSize(2);
        assertThat(state.stage("r1")).isEqualTo(JournalState.Stage.FINISHED);
        assertThat(state.rejections().get("r2").code()).isEqualTo("FLOW_RUN_RETRY_OUTSIDE_RETENTION");
    }

    @Test
    void aLineCutByACrashIsIgnoredAndTheNextAppendStartsAFreshLine() throws IOException {
        Path file = dir.resolve("cut.jsonl");
        JsonLinesJournal journal = new JsonLinesJournal(file);
        writeJournal(journal);
        journal.close();
        Files.writeString(file, "{\"type\":\"sending\",\"at\":\"2026-11-28T04:00:00Z\",\"batch\":2,\"parti",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        JsonLinesJournal reopened = new JsonLinesJournal(file);
        assertThat(reopened.readAll()).hasSize(4);
        assertThat(reopened.problems()).singleElement().asString().contains("cut by a crash");

        reopened.append(new JournalEntry.Stopped(t, "resumed after a crash"));
        assertThat(new JsonLinesJournal(file).readAll()).hasSize(5).last()
                .isInstanceOf(JournalEntry.Stopped.class);
    }

    @Test
    void aCorruptLineInTheMiddleIsRefusedRatherThanGuessed() throws IOException {
        Path file = dir.resolve("corrupt.jsonl");
        JsonLinesJournal journal = new JsonLinesJournal(file);
        writeJournal(journal);
        journal.close();
        List<String> lines = Files.readAllLines(file);
        lines.set(1, "{\"type\":\"sending\", garbage}");
        Files.write(file, lines);
        assertThatThrownBy(() -> new JsonLinesJournal(file).readAll())
                .hasMessageContaining("line 2").hasMessageContaining("refusing to resume");
    }

    @Test
    void plansRoundTripWithTheirCounts() throws IOException {
        PlanFiles files = new PlanFiles();
        Path file = dir.resolve("plan.json");
        files.writePlan(plan(), file);
        assertThat(Files.readString(file)).contains("\"countsByGroup\"").contains("\"f / step_2 / x\" : 2");
        ReplayPlan back = files.readPlan(file);
        assertThat(back).isEqualTo(plan());
    }

    @Test
    void aPlanEditedIntoNonsenseIsRefusedWithTheReason() throws IOException {
        PlanFiles files = new PlanFiles();
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"id\": \"p\", \"source\": \"PLATFORM\", \"strategy\": \"SIDEWAYS\", \"items\": []}");
        assertThatThrownBy(() -> files.readPlan(file)).hasMessageContaining("not a valid plan")
                .hasMessageContaining("SIDEWAYS");
        Files.writeString(file, "{\"id\": \"p\", \"source\": \"PLATFORM\", \"strategy\": \"FROM_FAILED_STEP\","
                + " \"items\": [{\"id\": \"a\", \"partition\": \"x\"}, {\"id\": \"a\", \"partition\": \"x\"}]}");
        assertThatThrownBy(() -> files.readPlan(file)).hasMessageContaining("lists an execution twice");
        Files.writeString(file, "not json at all");
        assertThatThrownBy(() -> files.readPlan(file)).hasMessageContaining("not a valid plan");
    }
}
