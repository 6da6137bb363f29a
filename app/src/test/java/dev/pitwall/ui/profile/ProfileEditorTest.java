package dev.pitwall.ui.profile;

import dev.pitwall.model.BackendKind;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.connect.BackendProbe;
import dev.pitwall.ops.connect.ProbeResult;
import dev.pitwall.ops.connect.ProfileValidator;
import dev.pitwall.ops.exec.DirectExecutor;
import dev.pitwall.testing.Typing;
import dev.pitwall.ui.common.ViewLoader;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editor with a Redis probe that fails for any port but 6379: the point is the editor's behaviour around the
 * checks; the checks themselves are tested against real back-ends in ProfileValidationTest.
 */
@ExtendWith(ApplicationExtension.class)
class ProfileEditorTest {

    private final List<ConnectionProfile> saved = new ArrayList<>();
    private final List<List<String>> savedContexts = new ArrayList<>();
    private ProfileEditorViewModel model;

    @Start
    void start(Stage stage) {
        BackendProbe redis = new BackendProbe() {
            @Override
            public BackendKind kind() {
                return BackendKind.REDIS;
            }

            @Override
            public ProbeResult probe(ConnectionProfile p) {
                return p.redisUrl().endsWith(":6379") ? ProbeResult.ok(kind(), "PONG")
                        : ProbeResult.failed(kind(), "Redis at " + p.redisUrl() + " does not answer PING");
            }
        };
        model = new ProfileEditorViewModel(new ProfileValidator(List.of(redis)), new DirectExecutor(),
                p -> List.of("prod", "staging"), n -> n != null && n.matches("[a-z-]+"), (p, contexts) -> {
                    saved.add(p);
                    savedContexts.add(contexts);
                    return null;
                });
        stage.setScene(new Scene(ViewLoader.load("profile-editor", new ProfileEditorView(model))));
        stage.show();
    }

    @Test
    void aValidProfileIsCheckedAndSaved(FxRobot robot) {
        Typing.write(robot.clickOn("#nameField"), "prod-eu");
        Typing.write(robot.clickOn("#redisUrlField"), "redis://cache:6379");
        Typing.write(robot.clickOn("#workerSelectorField"), "app=activepieces-worker");
        robot.clickOn("#saveButton");
        assertThat(saved).hasSize(1);
        assertThat(saved.get(0).redisUrl()).isEqualTo("redis://cache:6379");
        assertThat(saved.get(0).workerSelector()).isEqualTo("app=activepieces-worker");
        assertThat(model.contexts()).containsExactly("prod", "staging");
    }

    @Test
    void theProductionContextPatternsAreEditedWithTheProfileAndSavedForAll(FxRobot robot) {
        assertThat(robot.lookup("#productionContextsField").queryTextInputControl().getText())
                .as("the default").isEqualTo("prod*");
        robot.clickOn("#nameField").write("eu");
        robot.clickOn("#redisUrlField").write("redis://cache:6379");
        robot.clickOn("#productionContextsField").write(", live-*  gke_*_prod");
        robot.clickOn("#saveButton");
        assertThat(savedContexts).containsExactly(List.of("prod*", "live-*", "gke_*_prod"));
    }

    @Test
    void failedChecksAreShownAndSavingNeedsAnExplicitSaveAnyway(FxRobot robot) {
        Typing.write(robot.clickOn("#nameField"), "prod-eu");
        Typing.write(robot.clickOn("#redisUrlField"), "redis://cache:7000");
        robot.clickOn("#saveButton");
        assertThat(saved).isEmpty();
        assertThat(robot.lookup("\u2716 Redis: Redis at redis://cache:7000 does not answer PING").tryQuery())
                .isPresent();
        Button anyway = robot.lookup("#saveAnywayButton").queryButton();
        assertThat(anyway.isVisible()).isTrue();
        robot.clickOn(anyway);
        assertThat(saved).hasSize(1);
    }

    @Test
    void badSelectorsAndPasswordsInUrlsAreRefusedBeforeAnyCheck(FxRobot robot) {
        Typing.write(robot.clickOn("#nameField"), "prod-eu");
        Typing.write(robot.clickOn("#workerSelectorField"), "app in (a,b)");
        Typing.write(robot.clickOn("#redisUrlField"), "redis://u:secret@cache:6379");
        robot.clickOn("#saveButton");
        String problem = robot.lookup("#problemLabel").queryAs(Label.class).getText();
        assertThat(problem).contains("Worker selector").contains("do not put the password in the URL");
        assertThat(saved).isEmpty();
    }

    @Test
    void editingAProfileKeepsItsNamespacesAndQueueNames(FxRobot robot) {
        ConnectionProfile existing = new ConnectionProfile("prod-eu", null, "prod", null, null,
                List.of("ap-shared", "ap-dedicated-acme"), "redis://cache:7000", null, null, null, false, true, null,
                List.of("workerJobs", "platform-wg-acme-jobs"));
        robot.interact(() -> model.load(existing));
        assertThat(robot.lookup("#namespacesField").queryTextInputControl().getText())
                .isEqualTo("ap-shared, ap-dedicated-acme");
        Typing.write(robot.doubleClickOn("#redisUrlField").eraseText(30), "redis://cache:6379");
        Typing.write(robot.clickOn("#queueNamesField").push(javafx.scene.input.KeyCode.END), ", syncJobs");
        robot.clickOn("#saveButton");

        assertThat(saved).hasSize(1);
        assertThat(saved.get(0).namespaces()).containsExactly("ap-shared", "ap-dedicated-acme");
        assertThat(saved.get(0).queueNames()).containsExactly("workerJobs", "platform-wg-acme-jobs", "syncJobs");
        assertThat(saved.get(0).production()).isTrue();
    }

    @Test
    void aNamespaceNameKubernetesWouldRejectIsRefusedBeforeAnyCheck(FxRobot robot) {
        Typing.write(robot.clickOn("#nameField"), "prod-eu");
        Typing.write(robot.clickOn("#namespacesField"), "ap-shared, AP_Dedicated");
        robot.clickOn("#saveButton");
        assertThat(robot.lookup("#problemLabel").queryAs(Label.class).getText())
                .contains("Namespaces").contains("AP_Dedicated").doesNotContain("ap-shared,");
        assertThat(saved).isEmpty();
    }
}
