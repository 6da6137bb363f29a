package dev.pitwall.files;

import dev.pitwall.ops.audit.AuditEntry;
import dev.pitwall.ops.audit.AuditHead;
import dev.pitwall.ops.audit.AuditProtection;
import dev.pitwall.testing.AuditTamper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HashChainedAuditLogTest {

    private static final Supplier<Optional<byte[]>> KEY =
            () -> Optional.of("a-test-audit-key".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("state").resolve("audit.jsonl");
    }

    private static AuditEntry entry(int i) {
        return new AuditEntry(Instant.parse("2026-11-28T04:00:00Z").plusSeconds(i), "alice", "trust.fix",
                "ap-dedicated-globex", Map.of("before", "SANDBOX_CODE_ONLY", "after", "SANDBOX_PROCESS",
                "n", String.valueOf(i)));
    }

    private HashChainedAuditLog logWith(int entries, Supplier<Optional<byte[]>> key) {
        HashChainedAuditLog log = new HashChainedAuditLog(file(), key);
        for (int i = 0; i < entries; i++) {
            log.record(entry(i));
        }
        return log;
    }

    private HashChainedAuditLog logWithThreeEntries() {
        return logWith(3, Optional::empty);
    }

    private List<String> lines() throws Exception {
        return new ArrayList<>(Files.readAllLines(file()));
    }

    @Test
    void anUntouchedLogVerifiesAndReadsBack() {
        HashChainedAuditLog log = logWithThreeEntries();
        assertThat(log.verify()).isEmpty();
        assertThat(log.protection()).isEqualTo(AuditProtection.UNKEYED);
        assertThat(log.entries()).hasSize(3).first().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("alice");
            assertThat(e.details()).containsEntry("after", "SANDBOX_PROCESS");
        });
    }

    @Test
    void appendSaysWhereTheLogNowEnds() throws Exception {
        HashChainedAuditLog log = logWithThreeEntries();
        AuditHead head = log.append(entry(9)).orElseThrow();
        assertThat(head.count()).isEqualTo(4);
        assertThat(Files.readString(AuditTamper.head(file())).trim()).isEqualTo(head.hash() + " 4");
        assertThat(lines().get(3)).contains("\"seq\":4").contains("\"hash\":\"" + head.hash() + "\"");
    }

    @Test
    void anEditedLineIsDetected() throws Exception {
        logWithThreeEntries();
        List<String> lines = lines();
        lines.set(1, lines.get(1).replace("alice", "mallory"));
        Files.write(file(), lines);
        assertThat(new HashChainedAuditLog(file()).verify())
                .anyMatch(p -> p.startsWith("line 2: its content was changed"));
    }

    @Test
    void aRemovedLineIsDetected() throws Exception {
        logWithThreeEntries();
        List<String> lines = lines();
        lines.remove(1);
        Files.write(file(), lines);
        assertThat(new HashChainedAuditLog(file()).verify()).anyMatch(p -> p.contains("does not follow"));
    }

    @Test
    void anInsertedLineIsDetected() throws Exception {
        logWithThreeEntries();
        List<String> lines = lines();
        lines.add(1, lines.get(0));
        Files.write(file(), lines);
        assertThat(new HashChainedAuditLog(file()).verify()).anyMatch(p -> p.startsWith("line 2: does not follow"));
    }

    @Test
    void aTruncatedLogIsDetected() throws Exception {
        logWithThreeEntries();
        Files.write(file(), lines().subList(0, 1));
        assertThat(new HashChainedAuditLog(file()).verify()).singleElement().asString()
                .contains("ends after 1 entries but the head says 3").contains("truncated");
    }

    @Test
    void aLogCutByOneLineIsNotTakenForACrash() throws Exception {
        logWithThreeEntries();
        Files.write(file(), lines().subList(0, 2));
        assertThat(new HashChainedAuditLog(file()).verify()).singleElement().asString().contains("truncated");
    }

    @Test
    void aMissingHeadIsReported() throws Exception {
        logWithThreeEntries();
        Files.delete(AuditTamper.head(file()));
        assertThat(new HashChainedAuditLog(file()).verify()).singleElement().asString().contains("head file");
    }

    /** The crash a test can inject in-process: the append stops at {@code step}, leaving the files as they are. */
    @ParameterizedTest
    @EnumSource(HashChainedAuditLog.Step.class)
    void anAppendStoppedAtAnyStepVerifiesCleanAndTheLogGoesOn(HashChainedAuditLog.Step step) throws Exception {
        for (Supplier<Optional<byte[]>> key : List.<Supplier<Optional<byte[]>>>of(Optional::empty, KEY)) {
            Files.deleteIfExists(file());
            Files.deleteIfExists(AuditTamper.head(file()));
            logWith(3, key);
            HashChainedAuditLog crashing = new HashChainedAuditLog(file(), key, at -> {
                if (at == step) {
                    throw new Crash();
                }
            });
            assertThatThrownBy(() -> crashing.record(entry(3))).isInstanceOf(Crash.class);

            HashChainedAuditLog restarted = new HashChainedAuditLog(file(), key);
            assertThat(restarted.verify()).as("after a crash at " + step).isEmpty();
            int kept = restarted.entries().size();
            assertThat(kept).isBetween(3, 4);
            restarted.record(entry(4));
            assertThat(restarted.verify()).isEmpty();
            assertThat(restarted.entries()).hasSize(kept + 1);
            AuditHead next = restarted.append(entry(5)).orElseThrow();
            assertThat(next.count()).isEqualTo(kept + 2);
            assertThat(Files.readString(AuditTamper.head(file()))).startsWith(next.hash() + " " + next.count());
        }
    }

    @Test
    void aLineCutOffByACrashIsDroppedAndTheNextAppendStartsClean() throws Exception {
        logWithThreeEntries();
        String whole = Files.readString(file());
        String cut = lines().get(2).substring(0, 40);
        Files.writeString(file(), whole + cut);
        assertThat(new HashChainedAuditLog(file()).verify()).isEmpty();
        assertThat(Files.readString(file())).isEqualTo(whole);

        Files.writeString(file(), whole + cut);
        HashChainedAuditLog log = new HashChainedAuditLog(file());
        log.record(entry(7));
        assertThat(log.verify()).isEmpty();
        assertThat(log.entries()).hasSize(4);
    }

    @Test
    void aHeadOneBehindAnEditedLastLineIsNotRepaired() throws Exception {
        HashChainedAuditLog log = logWithThreeEntries();
        String head = Files.readString(AuditTamper.head(file()));
        log.record(entry(3));
        Files.writeString(AuditTamper.head(file()), head);
        List<String> lines = lines();
        lines.set(3, lines.get(3).replace("alice", "mallory"));
        Files.write(file(), lines);
        assertThat(new HashChainedAuditLog(file()).verify()).anyMatch(p -> p.contains("line 4: its content"));
        assertThat(Files.readString(AuditTamper.head(file()))).isEqualTo(head);
    }

    @Test
    void keyedTheRecomputedChainIsCaughtAndUnkeyedItIsNot() throws Exception {
        logWith(3, KEY);
        AuditTamper.rewrite(file(), line -> line.put("actor", "mallory"));
        HashChainedAuditLog keyed = new HashChainedAuditLog(file(), KEY);
        assertThat(keyed.protection()).isEqualTo(AuditProtection.KEYED);
        assertThat(keyed.verify()).anyMatch(p -> p.startsWith("line 1: its content was changed"));

        // the same forger also dropping the lines' key mark: the head is then what gives it away
        AuditTamper.rewrite(file(), line -> line.remove("alg"));
        assertThat(keyed.verify()).anyMatch(p -> p.contains("head file is not sealed with the audit key"));

        Files.delete(file());
        Files.delete(AuditTamper.head(file()));
        logWith(3, Optional::empty);
        AuditTamper.rewrite(file(), line -> line.put("actor", "mallory"));
        assertThat(new HashChainedAuditLog(file()).verify()).as("unkeyed: detects accidents, not forgery").isEmpty();
    }

    @Test
    void keyedDroppingTheLastLineAndRewritingTheHeadIsCaught() throws Exception {
        logWith(3, KEY);
        AuditTamper.dropLastLine(file());
        assertThat(new HashChainedAuditLog(file(), KEY).verify())
                .anyMatch(p -> p.contains("head file is not sealed with the audit key"));
    }

    @Test
    void aKeyedLogCannotBeCheckedWithoutItsKey() {
        logWith(2, KEY);
        assertThat(new HashChainedAuditLog(file()).verify())
                .anyMatch(p -> p.startsWith("2 entries are keyed with an audit key that is not configured here"));
    }

    @Test
    void linesWrittenBeforeTheKeyWasSetStayProtectedByTheFirstKeyedLine() throws Exception {
        logWith(2, Optional::empty);
        HashChainedAuditLog keyed = logWith(0, KEY);
        assertThat(keyed.verify()).as("no keyed entry yet: the head proves nothing")
                .anyMatch(p -> p.contains("not sealed"));
        keyed.record(entry(2));
        assertThat(keyed.verify()).isEmpty();

        List<String> lines = lines();
        Files.write(file(), List.of(lines.get(0).replace("alice", "mallory"), lines.get(1), lines.get(2)));
        AuditTamper.rewrite(file(), line -> { });
        assertThat(keyed.verify()).isNotEmpty();
    }

    @Test
    void aLineWithoutTheKeyAfterKeyedOnesIsAForgery() throws Exception {
        logWith(2, KEY);
        new HashChainedAuditLog(file()).record(entry(2));
        assertThat(new HashChainedAuditLog(file(), KEY).verify())
                .anyMatch(p -> p.startsWith("line 3: not keyed with the audit key"));
    }

    @Test
    void twoInstancesAndManyThreadsInOneProcessKeepOneChain() throws Exception {
        HashChainedAuditLog a = new HashChainedAuditLog(file(), KEY);
        HashChainedAuditLog b = new HashChainedAuditLog(file(), KEY);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            HashChainedAuditLog log = t % 2 == 0 ? a : b;
            int base = t * 100;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    log.record(entry(base + i));
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(a.verify()).isEmpty();
        assertThat(b.entries()).hasSize(200);
    }

    @Test
    void theFilesAreTheOwnersOnly() throws Exception {
        logWithThreeEntries().verify();
        assertThat(mode(dir.resolve("state"))).isEqualTo("rwx------");
        for (String name : List.of("audit.jsonl", "audit.jsonl.head", "audit.jsonl.lock")) {
            assertThat(mode(dir.resolve("state").resolve(name))).as(name).isEqualTo("rw-------");
        }
    }

    static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static final class Crash extends RuntimeException {
    }
}
