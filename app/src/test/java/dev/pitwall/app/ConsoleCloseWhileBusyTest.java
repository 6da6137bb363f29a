package dev.pitwall.app;

import dev.pitwall.demo.DemoEnvironment;
import dev.pitwall.demo.scenario.Scenario;
import dev.pitwall.demo.world.SimClock;
import dev.pitwall.testing.Await;
import dev.pitwall.testing.OnFx;
import dev.pitwall.ui.shell.Screen;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing the console while everything in it is busy: the demo incident runs in real time, the fleet engine folds its
 * events, the war-room board refreshes trust, canaries, queues and failures, one more screen (Queues, Trust, Rollouts
 * with the canary wizard, or Fleet, in turn) follows its back-ends, and alerts are recorded. Fifty times a console is
 * opened and closed in the middle of that; no thread may see an exception (a delayed one would fail whichever test
 * runs next).
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleCloseWhileBusyTest {

    /** Screens with engines of their own, one of them opened in each round besides the war-room board. */
    private static final List<Screen> SCREENS_IN_TURN = List.of(Screen.QUEUES, Screen.TRUST, Screen.ROLLOUTS);

    /** The incident at 60 simulated seconds a real one: the shared workers' rollout starts 5 simulated minutes in. */
    @RegisterExtension
    static final ConsoleWorld world = ConsoleWorld.demo(new DemoEnvironment.Options(Scenario.INCIDENT, 3, 60,
            SimClock.EPOCH));

    private final List<String> caught = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler before;
    private Thread.UncaughtExceptionHandler fxBefore;

    @BeforeEach
    void catchEverything() {
        Thread.UncaughtExceptionHandler record = (thread, error) -> {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            caught.add("on " + thread.getName() + ": " + trace);
        };
        before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler(record);
        fxBefore = OnFx.read(() -> {
            Thread fx = Thread.currentThread();
            Thread.UncaughtExceptionHandler old = fx.getUncaughtExceptionHandler();
            fx.setUncaughtExceptionHandler(record);
            return old;
        });
    }

    @AfterEach
    void restoreHandlers() {
        Thread.setDefaultUncaughtExceptionHandler(before);
        OnFx.read(() -> {
            Thread.currentThread().setUncaughtExceptionHandler(fxBefore);
            return null;
        });
    }

    @Test
    void aConsoleClosedWhileItsEnginesAreBusyThrowsNothingOnAnyThread(FxRobot robot) {
        for (int round = 0; round < 50; round++) {
            // the board drives the fleet engine and the trust, canary, queue and failure refreshes in every round
            ConsoleApp app = world.open("--view", "war-room", "--size", "800x600");
            boolean fleetLive = round % 5 == 4;
            Screen second = fleetLive ? Screen.FLEET : SCREENS_IN_TURN.get(round % SCREENS_IN_TURN.size());
            OnFx.read(() -> {
                app.shell().select(second);
                return null;
            });
            if (fleetLive) {
                // every fifth round the fleet is live on screen first: informers, the fold and its timers all run;
                // the others close while the screens are still connecting, listing and making their first reads
                Await.until("the fleet listed in round " + round, Duration.ofSeconds(30), () -> OnFx.read(() ->
                        robot.lookup(".fleet-table").tryQuery().map(t -> !((TableView<?>) t).getItems().isEmpty())
                                .orElse(false)));
            }
            world.close(app);
            assertThat(caught).as("exceptions seen in round " + round).isEmpty();
        }
        // what a closed console still receives (a late informer event, an answer in flight) must also pass quietly
        OnFx.read(() -> null);
        assertThat(caught).as("exceptions seen after the last close").isEmpty();
    }
}
