package dev.pitwall.files;

import dev.pitwall.ops.guard.Lock;
import dev.pitwall.ops.guard.WriteRefused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileLocksTest {

    @TempDir
    Path state;

    @Test
    void aHeldLockIsRefusedToTheNextOperationAndFreeOnceClosed() {
        FileLocks locks = new FileLocks(state);
        try (Lock.Held held = locks.lock("cluster/ns/worker", "deployment ns/worker")) {
            assertThatThrownBy(() -> new FileLocks(state).lock("cluster/ns/worker", "deployment ns/worker"))
                    .isInstanceOf(WriteRefused.class)
                    .hasMessageStartingWith("refused: deployment ns/worker is being changed by another Pitwall "
                            + "operation");
            locks.lock("cluster/ns/other", "deployment ns/other").close();
        }
        locks.lock("cluster/ns/worker", "deployment ns/worker").close();
    }

    @Test
    void aKeyStaysInsideTheLockDirectoryAndItsFilesAreTheOwnersOnly() throws Exception {
        FileLocks locks = new FileLocks(state);
        Path file = locks.file("https-a:6443/../../etc/passwd");

        assertThat(file.normalize()).startsWithRaw(state.resolve("locks"));
        locks.lock("https-a:6443/ns/worker", "deployment ns/worker").close();
        Path lock = locks.file("https-a:6443/ns/worker");
        assertThat(HashChainedAuditLogTest.mode(lock)).isEqualTo("rw-------");
        assertThat(HashChainedAuditLogTest.mode(lock.getParent())).isEqualTo("rwx------");
        assertThat(HashChainedAuditLogTest.mode(state.resolve("locks"))).isEqualTo("rwx------");
    }
}
