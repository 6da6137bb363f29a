package dev.pitwall.ui.operations;

import dev.pitwall.testing.OnFx;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class OperationsPanelTest {

    private OperationsViewModel model;

    @Start
    void start(Stage stage) {
        model = new OperationsViewModel(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        }), Clock.systemUTC());
        stage.setScene(new Scene(new OperationsPanel(model), 900, 300));
        stage.show();
    }

    /** A task that reports 250 of 1,000 done and then waits until it is cancelled. */
    private static class HalfwayTask extends Task<Void> {
        final CountDownLatch reported = new CountDownLatch(1);
        final CountDownLatch cancelled = new CountDownLatch(1);

        HalfwayTask() {
            updateTitle("Replay 1,000 runs");
        }

        @Override
        protected Void call() throws Exception {
            updateProgress(0, 1000);
            updateProgress(250, 1000);
            updateMessage("batch 3 of 10");
            reported.countDown();
            new CountDownLatch(1).await(); // until cancel() interrupts this thread
            return null;
        }

        @Override
        protected void cancelled() {
            cancelled.countDown();
        }
    }

    @Test
    void aRunningOperationShowsProgressAndCanBeCancelled(FxRobot robot) throws Exception {
        HalfwayTask task = new HalfwayTask();
        robot.interact(() -> model.start(task));
        assertThat(task.reported.await(10, TimeUnit.SECONDS)).isTrue();
        // the cells show the task's figures on a later pulse: wait for them, within a bound. The figures may go on
        // with a rate and an ETA: when the FX thread saw the 0 and the 250 at two different instants, it has a rate
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> OnFx.read(() -> robot.lookup(".operation-figures")
                .tryQuery().map(l -> ((Label) l).getText().startsWith("250 / 1,000")).orElse(false)
                && robot.lookup("batch 3 of 10").tryQuery().isPresent()));
        assertThat(robot.lookup("Replay 1,000 runs").tryQuery()).isPresent();
        assertThat(robot.lookup(".titled-pane").queryAs(OperationsPanel.class).getText())
                .isEqualTo("Operations (1 running)");

        Button cancel = robot.lookup(".button").match(n -> "Cancel".equals(((Button) n).getText())).query();
        robot.clickOn(cancel);
        assertThat(task.cancelled.await(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("cancelled").tryQuery().isPresent());

        robot.clickOn("Clear finished");
        assertThat(model.entries()).isEmpty();
    }

    /** Like a replay: pausable between steps. */
    private static final class PausableTask extends HalfwayTask implements Pausable {
        private volatile boolean paused;

        @Override
        public void pause() {
            paused = true;
        }

        @Override
        public void resume() {
            paused = false;
        }

        @Override
        public boolean isPaused() {
            return paused;
        }
    }

    @Test
    void aPausableOperationCanBePausedAndResumed(FxRobot robot) throws Exception {
        PausableTask task = new PausableTask();
        robot.interact(() -> model.start(task));
        assertThat(task.reported.await(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Pause").tryQuery().isPresent());
        robot.clickOn("Pause");
        assertThat(task.isPaused()).isTrue();
        robot.clickOn("Resume");
        assertThat(task.isPaused()).isFalse();
        robot.interact(() -> { task.cancel(); });
    }
}
