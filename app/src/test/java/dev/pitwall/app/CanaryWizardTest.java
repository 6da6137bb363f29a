package dev.pitwall.app;

import dev.pitwall.ops.guard.Confirmer;
import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.ops.alert.AlertCenter;
import dev.pitwall.ops.canary.CanarySession;
import dev.pitwall.ops.exec.PooledExecutor;
import dev.pitwall.ops.rollback.WorkloadRef;
import dev.pitwall.testing.Await;
import dev.pitwall.testing.OnFx;
import dev.pitwall.testing.Typing;
import dev.pitwall.ui.common.Snapshots;
import dev.pitwall.ui.queues.FxHandoff;
import dev.pitwall.ui.shell.Theme;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks the canary wizard on the demo world: choose the shared workers, a cache-filling image; preflight refuses
 * without a tested rollback plan and passes with one; start; pause and resume; the volume gate aborts the canary
 * and the reason is shown large. The wizard follows the canary every 200 ms of real time while the test moves the
 * simulated clock.
 */
@ExtendWith(ApplicationExtension.class)
class CanaryWizardTest {

    private static final Confirmer YES = Confirmer.yes();

    @TempDir
    Path state;
    private CanaryDemoFixture fx;
    private CanarySession session;
    private PooledExecutor executor;
    private Stage stage;
    private final AlertCenter alerts = new AlertCenter(java.time.Clock.systemUTC(), AlertCenter.DEFAULT_HISTORY);

    @BeforeEach
    void startDemo() {
        fx = new CanaryDemoFixture(state, 31);
        executor = new PooledExecutor(2);
    }

    /** The wizard as the console opens it: a canary session of its own. */
    private void open(FxRobot robot) {
        session = fx.open("wizard");
        robot.interact(() -> {
            Parent view = (Parent) CanaryScreen.build(session, executor, FxHandoff.frames(), Duration.ofMillis(200),
                    ZoneOffset.UTC, alerts);
            Scene scene = new Scene(view, 1440, 860);
            scene.getStylesheets().setAll(Theme.LIGHT.stylesheets());
            stage = new Stage();
            stage.setScene(scene);
            stage.show();
        });
    }

    @AfterEach
    void close(FxRobot robot) {
        if (stage != null) {
            robot.interact(() -> stage.hide());
        }
        executor.close();
        if (session != null) {
            session.close();
        }
        fx.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void walkTheWizardFromPreflightToAnAbortByTheVolumeGate(FxRobot robot) throws Exception {
        open(robot);
        ComboBox<WorkloadRef> chooser = robot.lookup("#workloadChooser").queryAs(ComboBox.class);
        Await.until("the workloads listed", Duration.ofSeconds(20), () -> OnFx.read(() -> chooser.getItems().size())
                == 1 + DemoFleet.CUSTOMERS.size());
        WorkloadRef shared = OnFx.read(() -> chooser.getItems().stream()
                .filter(w -> w.name().equals(DemoFleet.SHARED_WORKLOAD)).findFirst().orElseThrow());
        robot.clickOn(chooser);
        robot.clickOn(DemoFleet.SHARED_NAMESPACE + " / " + DemoFleet.SHARED_WORKLOAD + "  (StatefulSet)");
        assertThat(OnFx.read(chooser::getValue)).isEqualTo(shared);
        Typing.write(robot.clickOn("#imageField"), CanaryDemoFixture.REPOSITORY + "0.88.1-bad-cache");
        TextField hold = robot.lookup("#holdField").queryAs(TextField.class);
        assertThat(hold.getText()).isEqualTo("10");
        assertThat(robot.lookup("#maxFillField").queryAs(TextField.class).getText()).isEqualTo("20");

        Label preflight = robot.lookup("#preflightLabel").queryAs(Label.class);
        robot.clickOn("#preflightButton");
        Await.until("preflight refused", Duration.ofSeconds(20), () -> OnFx.read(preflight::getText)
                .startsWith("Preflight failed"));
        assertThat(OnFx.read(preflight::getText)).contains("\u2716 rollback plan: no rollback plan captured")
                .contains("pitwall rollback plan " + DemoFleet.SHARED_WORKLOAD);

        fx.capturePlan(shared, true);
        robot.clickOn("#preflightButton");
        Await.until("preflight passed", Duration.ofSeconds(20), () -> OnFx.read(preflight::getText)
                .startsWith("Preflight passed"));
        assertThat(OnFx.read(preflight::getText)).contains("\u2714 volume headroom").contains("\u2714 access");

        robot.clickOn("#startButton");
        Label headline = robot.lookup("#headlineLabel").queryAs(Label.class);
        Await.until("the canary running", Duration.ofSeconds(20), () -> OnFx.read(headline::getText)
                .startsWith("RUNNING \u2014 step 1 of 4 (1%, 1 of 8 pods)"));
        TableView<?> gates = robot.lookup("#gateTable").queryAs(TableView.class);
        Await.until("six gates shown", Duration.ofSeconds(20), () -> OnFx.read(() -> gates.getItems().size()) == 6);

        robot.clickOn("#pauseButton");
        Await.until("paused", Duration.ofSeconds(20), () -> OnFx.read(headline::getText).startsWith("PAUSED"));
        assertThat(OnFx.read(() -> robot.lookup("#resumeButton").queryAs(Button.class).isDisabled())).isFalse();
        robot.clickOn("#resumeButton");
        Await.until("running again", Duration.ofSeconds(20), () -> OnFx.read(headline::getText).startsWith("RUNNING"));

        Label abort = robot.lookup("#abortLabel").queryAs(Label.class);
        assertThat(OnFx.read(abort::isVisible)).isFalse();
        Await.until("aborted by the fill-rate gate", Duration.ofSeconds(60), () -> {
            fx.demo.advance(Duration.ofSeconds(30));
            return OnFx.read(abort::isVisible);
        });
        assertThat(OnFx.read(abort::getText)).startsWith("\u2716 ABORTED \u2014 FILL_RATE gate failed at")
                .contains("MiB/min").contains("threshold: at most 20 MiB/min");
        assertThat(OnFx.read(() -> abort.getFont().getSize())).isGreaterThan(OnFx.read(() -> headline.getFont().getSize()));
        assertThat(OnFx.read(headline::getText)).startsWith("ABORTED");
        ListView<String> timeline = robot.lookup("#timelineList").queryAs(ListView.class);
        assertThat(OnFx.read(() -> timeline.getItems().stream().anyMatch(t -> t.contains("ABORTED: FILL_RATE gate"))))
                .isTrue();
        assertThat(OnFx.read(() -> robot.lookup("#abortButton").queryAs(Button.class).isDisabled())).isTrue();
        assertThat(OnFx.read(() -> robot.lookup("#startButton").queryAs(Button.class).isDisabled())).isFalse();
        assertThat(fx.replicas(shared)).isEqualTo(DemoFleet.SHARED_REPLICAS);
        assertThat(alerts.active()).singleElement().satisfies(a -> assertThat(a.message()).contains("FILL_RATE gate"));
        robot.interact(() -> {
            try {
                Snapshots.writePng(stage.getScene(), Path.of("target", "canary-wizard-aborted.png"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReopenedWizardPicksUpTheCanaryWhereItIs(FxRobot robot) throws Exception {
        WorkloadRef acme = fx.workload(DemoFleet.namespaceOf("acme"), DemoFleet.workloadOf("acme"));
        fx.capturePlan(acme, true);
        fx.engine().start(acme, new dev.pitwall.ops.canary.CanarySettings(CanaryDemoFixture.REPOSITORY + "0.88.1",
                java.util.Map.of(), java.util.List.of(50, 100), Duration.ofMinutes(5), null), YES);
        fx.demo.advance(Duration.ofMinutes(1));
        fx.engine().pause(acme, YES);
        // a terminal's `canary start` drives it: the reopened console follows without evaluating
        fx.engine().evaluate(acme, new dev.pitwall.ops.canary.CanaryDriver("bob@jump (canary start, pid 7)",
                Duration.ofHours(1)));

        open(robot);

        ComboBox<WorkloadRef> chooser = robot.lookup("#workloadChooser").queryAs(ComboBox.class);
        Await.until("the live canary's workload chosen", Duration.ofSeconds(20), () -> acme.equals(OnFx.read(
                chooser::getValue)));
        Label headline = robot.lookup("#headlineLabel").queryAs(Label.class);
        Await.until("its state shown", Duration.ofSeconds(20), () -> OnFx.read(headline::getText)
                .startsWith("PAUSED \u2014 step 1 of 2 (50%, 1 of 2 pods)"));
        Label message = robot.lookup("#messageLabel").queryAs(Label.class);
        Await.until("the other driver named", Duration.ofSeconds(20), () -> OnFx.read(message::getText)
                .startsWith("\u2139 Following only: the canary of " + acme + " is driven by bob@jump"));
        assertThat(OnFx.read(() -> robot.lookup("#resumeButton").queryAs(Button.class).isDisabled())).isFalse();
        assertThat(OnFx.read(() -> robot.lookup("#startButton").queryAs(Button.class).isDisabled())).isTrue();
        robot.clickOn("#abortButton");
        Label abort = robot.lookup("#abortLabel").queryAs(Label.class);
        Await.until("aborted by hand", Duration.ofSeconds(20), () -> OnFx.read(abort::getText)
                .startsWith("\u2716 ABORTED \u2014 aborted by hand"));
        assertThat(fx.object(acme, acme.name() + "-canary")).isNull();
    }
}
