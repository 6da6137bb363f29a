package dev.pitwall.files;

import dev.pitwall.ops.audit.AuditEntry;
import dev.pitwall.testing.JavaProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log written by several real processes at once, and by a process killed (-9) in the middle of an append. */
class AuditLogProcessesTest {

    private static final String KEY = "processes-test-audit-key";
    private static final Supplier<Optional<byte[]>> KEYED = () -> Optional.of(KEY.getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    @Test
    void fourWritersInTwoProcessesKeepOneChain() throws Exception {
        Path log = dir.resolve("state").resolve("audit.jsonl");
        List<Process> writers = new ArrayList<>();
        List<BufferedReader> outputs = new ArrayList<>();
        try {
            for (String label : List.of("p1", "p2")) {
                Process p = JavaProcess.start(Map.of("AUDIT_TEST_KEY", KEY), AuditWriterProcess.class.getName(),
                        "write", log.toString(), "2", "500", label);
                writers.add(p);
                BufferedReader out = reader(p);
                outputs.add(out);
                assertThat(await(out, "READY")).as("writer " + label + " started").isTrue();
            }
            for (Process p : writers) {
                OutputStream go = p.getOutputStream();
                go.write("go\n".getBytes(StandardCharsets.UTF_8));
                go.flush();
            }
            for (int i = 0; i < writers.size(); i++) {
                assertThat(await(outputs.get(i), "DONE")).isTrue();
                assertThat(writers.get(i).waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(writers.get(i).exitValue()).isZero();
            }
        } finally {
            writers.forEach(Process::destroyForcibly);
        }
        HashChainedAuditLog read = new HashChainedAuditLog(log, KEYED);
        assertThat(read.verify()).isEmpty();
        List<AuditEntry> entries = read.entries();
        assertThat(entries).hasSize(2000);
        Map<String, Long> perWriter = entries.stream().collect(Collectors.groupingBy(AuditEntry::actor,
                Collectors.counting()));
        assertThat(perWriter).containsOnlyKeys("p1-0", "p1-1", "p2-0", "p2-1").allSatisfy((k, v) ->
                assertThat(v).isEqualTo(500));
        assertThat(entries.stream().map(e -> e.actor() + "/" + e.details().get("i")).distinct()).hasSize(2000);
    }

    @ParameterizedTest
    @EnumSource(HashChainedAuditLog.Step.class)
    void aKillNineAtAnyStepOfAnAppendVerifiesCleanAfterRestart(HashChainedAuditLog.Step step) throws Exception {
        Path log = dir.resolve("state").resolve("audit.jsonl");
        HashChainedAuditLog before = new HashChainedAuditLog(log, KEYED);
        before.record(AuditWriterProcess.entry("before", 0, 0));
        before.record(AuditWriterProcess.entry("before", 0, 1));

        Process p = JavaProcess.start(Map.of("AUDIT_TEST_KEY", KEY), AuditWriterProcess.class.getName(), "crash",
                log.toString(), step.name());
        try {
            assertThat(await(reader(p), "AT " + step)).as("the writer reached " + step).isTrue();
        } finally {
            p.destroyForcibly(); // SIGKILL: no finally block, no shutdown hook runs in the writer
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(p.exitValue()).isEqualTo(137);

        HashChainedAuditLog restarted = new HashChainedAuditLog(log, KEYED);
        assertThat(restarted.verify()).as("after kill -9 at " + step).isEmpty();
        int kept = restarted.entries().size();
        assertThat(kept).as("the killed append is there or not, nothing else").isBetween(2, 3);
        restarted.record(AuditWriterProcess.entry("after", 0, 0));
        assertThat(restarted.verify()).isEmpty();
        assertThat(restarted.entries()).hasSize(kept + 1);
    }

    private static BufferedReader reader(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Reads lines until {@code expected} (true) or the end of output (false), for at most a minute. */
    private static boolean await(BufferedReader out, String expected) throws Exception {
        Function<BufferedReader, Boolean> until = r -> {
            try {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.equals(expected)) {
                        return true;
                    }
                    System.err.println("writer: " + line);
                }
                return false;
            } catch (java.io.IOException e) {
                return false;
            }
        };
        return CompletableFuture.supplyAsync(() -> until.apply(out)).get(60, TimeUnit.SECONDS);
    }
}
