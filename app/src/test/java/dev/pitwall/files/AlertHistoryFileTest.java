package dev.pitwall.files;

import dev.pitwall.model.Alert;
import dev.pitwall.ops.alert.AlertCenter;
import dev.pitwall.ops.alert.AlertRecorder;
import dev.pitwall.ops.exec.DirectExecutor;
import dev.pitwall.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The alert history a console keeps in the state directory, read back by a restarted console and the CLI. */
class AlertHistoryFileTest {

    private static final Instant T0 = Instant.parse("2026-11-28T03:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);

    private AlertCenter center(AlertHistoryFile file) {
        AlertCenter center = new AlertCenter(clock, AlertCenter.DEFAULT_HISTORY);
        center.addRecorder(new AlertRecorder(file, new DirectExecutor()));
        return center;
    }

    private static Alert crashLoop(String pod) {
        return new Alert(Alert.Severity.CRITICAL, "crash-loop", "ap-shared/" + pod, "crash-looping", null);
    }

    @Test
    void whatOneConsoleRaisedAndClearedIsReadBackInItsWindowInOrder() throws Exception {
        Path path = dir.resolve("alerts.jsonl");
        AlertCenter console = center(new AlertHistoryFile(path));
        console.raise(crashLoop("w-1"));
        clock.advance(Duration.ofMinutes(5));
        console.clear("crash-loop", "ap-shared/w-1");
        clock.advance(Duration.ofMinutes(5));
        console.raise(crashLoop("w-2"));
        // a line cut off by a crash is left out; the others stay readable
        Files.writeString(path, "{\"at\":\"2026-11-28T03:0", StandardOpenOption.APPEND);

        List<AlertCenter.Entry> read = new AlertHistoryFile(path).read(T0, T0.plus(Duration.ofMinutes(5)));
        assertThat(read).extracting(AlertCenter.Entry::change)
                .containsExactly(AlertCenter.Change.RAISED, AlertCenter.Change.CLEARED);
        assertThat(read.get(0).at()).isEqualTo(T0);
        assertThat(read.get(0).alert()).satisfies(a -> {
            assertThat(a.severity()).isEqualTo(Alert.Severity.CRITICAL);
            assertThat(a.subject()).isEqualTo("ap-shared/w-1");
            assertThat(a.message()).isEqualTo("crash-looping");
            assertThat(a.raisedAt()).isEqualTo(T0);
        });
        assertThat(new AlertHistoryFile(path).read(T0, T0.plus(Duration.ofHours(1)))).hasSize(3);
    }

    @Test
    void aFullFileMovesAsideBothFilesAreReadAndClearForgetsThem() {
        Path path = dir.resolve("alerts.jsonl");
        // about 160 bytes a line: twenty lines move the file aside once
        AlertHistoryFile file = new AlertHistoryFile(path, 2_000);
        AlertCenter console = center(file);
        for (int i = 0; i < 20; i++) {
            console.raise(crashLoop("w-" + i));
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(dir.resolve("alerts.1.jsonl")).exists();
        assertThat(file.read(T0, T0.plus(Duration.ofHours(1)))).hasSize(20);
        file.clear();
        assertThat(file.read(T0, T0.plus(Duration.ofHours(1)))).as("both files forgotten").isEmpty();
        console.raise(crashLoop("w-again"));
        assertThat(file.read(T0, T0.plus(Duration.ofHours(1)))).extracting(e -> e.alert().subject())
                .containsExactly("ap-shared/w-again");
    }
}
