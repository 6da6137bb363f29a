package dev.pitwall.testing;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The BullMQ compatibility tests fail where node is missing, saying how to install it, unless the run opts out. */
class NodePackagesTest {

    @Test
    void withoutNodeTheTestFailsAndSaysHowToInstallIt() {
        assertThatThrownBy(() -> NodePackages.requireNode("/nonexistent", false))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("node and npm not found on the PATH")
                .hasMessageContaining("apt-get install nodejs npm")
                .hasMessageContaining("-Dpitwall.skipNode=true");
    }

    @Test
    void withoutNodeAnExplicitOptOutSkipsTheTest() {
        assertThatThrownBy(() -> NodePackages.requireNode("", true)).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("skipped (-Dpitwall.skipNode=true)");
    }

    @Test
    void withNodeOnThePathNothingIsSaid() {
        NodePackages.requireNode(System.getenv("PATH"), false);
    }

    /** The pinned versions, so that an unpinned install cannot slip back in. */
    @Test
    void theCommittedLockPinsBullmqFiveAndSix() throws Exception {
        String pkg = Files.readString(NodePackages.SOURCE.resolve("package.json"));
        assertThat(pkg).containsPattern("\"bullmq5\": \"npm:bullmq@5\\.\\d+\\.\\d+\"")
                .containsPattern("\"bullmq6\": \"npm:bullmq@6\\.\\d+\\.\\d+\"");
        assertThat(Files.exists(NodePackages.SOURCE.resolve("package-lock.json"))).isTrue();
        assertThat(Path.of(".gitignore")).content().containsPattern("(?m)^target/$");
    }
}
