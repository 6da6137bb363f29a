package dev.pitwall.ui.trust;

import dev.pitwall.files.HashChainedAuditLog;
import dev.pitwall.ops.exec.PooledExecutor;
import dev.pitwall.ops.trust.AccessDecision;
import dev.pitwall.ops.trust.DriftSink;
import dev.pitwall.ops.trust.DriftWatch;
import dev.pitwall.ops.trust.GroupTrust;
import dev.pitwall.ops.trust.TrustFixer;
import dev.pitwall.testing.Typing;
import dev.pitwall.ui.common.ViewLoader;
import dev.pitwall.ui.operations.OperationsViewModel;
import dev.pitwall.ui.queues.FxHandoff;
import dev.pitwall.ui.shell.Theme;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Trust screen and its fix dialog, walked with the robot: a drifting row marked in words, the dialog's diff, a
 * wrong typed namespace keeping Apply disabled with the reason, the right one applying the change, the rollout
 * followed to the end, the audit written; and a forbidden access review that leaves Apply disabled.
 */
@ExtendWith(ApplicationExtension.class)
class TrustViewTest {

    private final TrustWorld world = new TrustWorld();
    private final PooledExecutor executor = new PooledExecutor(3);
    private final List<String> alerts = new CopyOnWriteArrayList<>();
    private HashChainedAuditLog audit;
    private OperationsViewModel operations;
    private TrustViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        audit = new HashChainedAuditLog(Files.createTempDirectory("trust-audit").resolve("audit.jsonl"));
        operations = new OperationsViewModel(r -> executor.run(r), Clock.systemUTC());
        DriftSink sink = new DriftSink() {
            @Override
            public void raise(GroupTrust group) {
                alerts.add("CRITICAL " + group.title());
            }

            @Override
            public void clear(String key, String description) {
                alerts.add("CLEARED " + description);
            }
        };
        var session = world.session(audit, true, false);
        model = new TrustViewModel(session, executor, FxHandoff.frames(), new DriftWatch(sink), operations::start,
                ZoneOffset.UTC, "alice");
        Scene scene = new Scene(ViewLoader.load("trust", new TrustView(model)), 1400, 700);
        scene.getStylesheets().setAll(Theme.LIGHT.stylesheets());
        stage.setScene(scene);
        stage.show();
        model.start();
    }

    @AfterEach
    void stop() {
        model.stop();
        executor.close();
    }

    private static void waitFor(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    private static Node cell(FxRobot robot, String text) {
        return robot.lookup(".table-cell").match(n -> n instanceof TableCell<?, ?> c && text.equals(c.getText()))
                .query();
    }

    private void openFixOfGlobex(FxRobot robot) throws Exception {
        waitFor("the rows", () -> model.rows().size() == 2);
        Button fix = robot.lookup("#fixButton").queryButton();
        assertThat(fix.isDisabled()).isTrue();
        assertThat(robot.lookup("#fixReasonLabel").queryAs(Label.class).getText())
                .isEqualTo("Fix\u2026 is disabled: select a group");
        robot.clickOn(cell(robot, "wg-globex"));
        robot.clickOn(fix);
        waitFor("the fix dialog", () -> robot.lookup("#diffArea").tryQuery().isPresent());
    }

    @Test
    void theFixDialogRefusesAWrongNamespaceAndAppliesTheRightOneUntilThePodsConverge(FxRobot robot)
            throws Exception {
        world.rolloutOnPatch();
        waitFor("the drift row", () -> robot.lookup(".table-cell").match(n -> n instanceof TableCell<?, ?> c
                && TrustTexts.DRIFT.equals(c.getText())).tryQuery().isPresent());
        Node driftCell = cell(robot, TrustTexts.DRIFT);
        assertThat(driftCell.getPseudoClassStates().toString()).contains("drift");
        assertThat(alerts).containsExactly("CRITICAL group wg-globex");

        openFixOfGlobex(robot);
        TextArea diff = robot.lookup("#diffArea").queryAs(TextArea.class);
        waitFor("the plan", () -> diff.getText().contains("+ SANDBOX_PROCESS"));
        assertThat(diff.getText()).contains("Deployment ap-dedicated-globex/activepieces-worker-globex, container "
                + "worker", "  - SANDBOX_CODE_ONLY", "  + SANDBOX_PROCESS");
        assertThat(robot.lookup("#accessLabel").queryAs(Label.class).getText())
                .isEqualTo("\u2714 you may patch Deployment ap-dedicated-globex/activepieces-worker-globex");
        Button apply = robot.lookup("#applyButton").queryButton();
        Label disabled = robot.lookup("#disabledLabel").queryAs(Label.class);
        assertThat(apply.isDisabled()).isTrue();
        assertThat(disabled.getText()).isEqualTo("Apply is disabled: type ap-dedicated-globex to confirm");
        assertThat(robot.lookup("#confirmPrompt").queryAs(Label.class).getText())
                .isEqualTo("Type ap-dedicated-globex to confirm:");

        Typing.write(robot.clickOn("#confirmField"), "ap-dedicated-acme");
        assertThat(apply.isDisabled()).isTrue();
        assertThat(disabled.getText()).isEqualTo("Apply is disabled: 'ap-dedicated-acme' is not ap-dedicated-globex: "
                + "type it exactly");
        robot.clickOn(apply);
        assertThat(world.cluster.patches()).isEmpty();

        TextField confirm = robot.lookup("#confirmField").queryAs(TextField.class);
        robot.interact(confirm::clear);
        Typing.write(robot.clickOn(confirm), "ap-dedicated-globex");
        assertThat(apply.isDisabled()).isFalse();
        assertThat(disabled.getText()).isEmpty();
        robot.clickOn(apply);

        Label outcome = robot.lookup("#outcomeLabel").queryAs(Label.class);
        waitFor("the rollout to converge", () -> !outcome.getText().isEmpty());
        assertThat(outcome.getText()).isEqualTo("\u2714 every pod of Deployment ap-dedicated-globex/activepieces-"
                + "worker-globex reports SANDBOX_PROCESS (after 0 s)");
        assertThat(robot.lookup("#progressLabel").queryAs(Label.class).getText()).isEqualTo(outcome.getText()
                .substring(2));
        assertThat(apply.isDisabled()).as("one change per dialog").isTrue();
        assertThat(world.cluster.patches()).hasSize(1);
        assertThat(audit.verify()).isEmpty();
        assertThat(audit.entries()).extracting(e -> e.action()).containsExactly("trust.fix.about-to",
                TrustFixer.AUDIT_ACTION, "trust.fix.done");
        assertThat(audit.entries()).filteredOn(e -> e.action().equals(TrustFixer.AUDIT_ACTION)).singleElement()
                .satisfies(e -> {
            assertThat(e.actor()).isEqualTo("alice");
            assertThat(e.action()).isEqualTo(TrustFixer.AUDIT_ACTION);
            assertThat(e.details()).containsEntry("before", "SANDBOX_CODE_ONLY").containsEntry("after",
                    "SANDBOX_PROCESS");
        });
        assertThat(operations.entries()).singleElement().satisfies(e -> assertThat(e.stateProperty().get())
                .isEqualTo("done"));

        robot.clickOn("#closeButton");
        waitFor("the row to match", () -> model.rows().stream().noneMatch(TrustRow::drifting));
        waitFor("the alert to clear", () -> alerts.contains("CLEARED group wg-globex matches again"));
    }

    @Test
    void aForbiddenAccessReviewKeepsApplyDisabledWithTheReason(FxRobot robot) throws Exception {
        world.cluster.access(AccessDecision.deny("patch on deployments in namespace ap-dedicated-globex is not "
                + "allowed (RBAC: no)"));
        openFixOfGlobex(robot);
        Label access = robot.lookup("#accessLabel").queryAs(Label.class);
        waitFor("the access review", () -> access.getText().startsWith("\u2716"));
        assertThat(access.getText()).isEqualTo("\u2716 you may not patch Deployment ap-dedicated-globex/"
                + "activepieces-worker-globex: patch on deployments in namespace ap-dedicated-globex is not allowed "
                + "(RBAC: no)");
        assertThat(access.getPseudoClassStates().toString()).contains("denied");
        Typing.write(robot.clickOn("#confirmField"), "ap-dedicated-globex");
        assertThat(robot.lookup("#applyButton").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#disabledLabel").queryAs(Label.class).getText()).startsWith("Apply is disabled: "
                + "you may not patch");
        assertThat(world.cluster.patches()).isEmpty();
        assertThat(audit.entries()).isEmpty();
    }
}
