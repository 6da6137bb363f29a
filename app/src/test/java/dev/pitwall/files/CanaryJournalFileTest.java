package dev.pitwall.files;

import dev.pitwall.ops.canary.CanaryPhase;
import dev.pitwall.ops.canary.CanaryRecord;
import dev.pitwall.ops.canary.CanarySettings;
import dev.pitwall.ops.canary.Gate;
import dev.pitwall.ops.canary.GateReading;
import dev.pitwall.ops.rollback.WorkloadRef;
import dev.pitwall.testing.Guards;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CanaryJournalFileTest {

    private static final WorkloadRef SHARED = new WorkloadRef(WorkloadRef.Kind.STATEFULSET, "ap-shared",
            "activepieces-worker");
    private static final Instant T0 = Instant.parse("2026-11-27T22:00:00Z");

    @TempDir
    Path state;

    @Test
    void aJournalFromBeforeTheVolumeGateWasSplitIsStillRead() throws Exception {
        CanaryJournalFile journal = new CanaryJournalFile(state);
        journal.save(new CanaryRecord(SHARED, "activepieces-worker-canary", new CanarySettings("img:2", Map.of(),
                null, null, null), CanaryPhase.RUNNING, 0, 8, T0, T0, null, 3, "p1", 10, null,
                List.of(new GateReading(Gate.FILL_RATE, GateReading.Verdict.WAITING, "sampling", "-")), List.of(),
                Guards.CLUSTER, "uid-1"));
        Path file = journal.file(Guards.CLUSTER, SHARED);
        Files.writeString(file, Files.readString(file).replace("\"FILL_RATE\"", "\"VOLUME\""));

        CanaryRecord read = journal.load(Guards.CLUSTER, SHARED).orElseThrow();

        assertThat(read.gates()).extracting(GateReading::gate).containsExactly(Gate.FILL_RATE);
    }
}
