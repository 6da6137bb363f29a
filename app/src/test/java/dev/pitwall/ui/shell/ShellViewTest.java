package dev.pitwall.ui.shell;

import dev.pitwall.model.BackendKind;
import dev.pitwall.model.BackendStatus;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class ShellViewTest {

    private ShellViewModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = new ShellViewModel("prod-eu", true);
        ConsoleWindow window = new ConsoleWindow(model, s -> new Label("content of " + s.title()),
                new StackPane(), ZoneOffset.UTC, 1200, 800);
        window.showIn(stage);
    }

    @Test
    void theTitleNamesTheProfile() {
        assertThat(stage.getTitle()).isEqualTo("Pitwall \u2014 prod-eu");
    }

    @Test
    void ctrlDigitsSwitchScreens(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.screenProperty().get()).isEqualTo(Screen.QUEUES);
        assertThat(robot.lookup("#screen-queues").queryAs(Label.class).getText()).isEqualTo("content of Queues");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT7).release(KeyCode.DIGIT7, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.screenProperty().get()).isEqualTo(Screen.WAR_ROOM);
    }

    @Test
    void clickingANavigationEntryShowsItsScreen(FxRobot robot) {
        robot.clickOn("#nav-failed-runs");
        assertThat(robot.lookup("#screen-failed-runs").tryQuery()).isPresent();
    }

    @Test
    void aReadOnlyProfileShowsTheBadge(FxRobot robot) {
        Label badge = robot.lookup(".badge-read-only").queryAs(Label.class);
        assertThat(badge.isVisible()).isTrue();
        assertThat(badge.getText()).isEqualTo("READ-ONLY");
    }

    @Test
    void theStatusBarShowsEachBackEndWithWordsAndTheReasonOnHover(FxRobot robot) {
        robot.interact(() -> {
            model.updateStatus(BackendStatus.connected(BackendKind.KUBERNETES, Instant.parse("2026-11-28T03:00:00Z")));
            model.updateStatus(new BackendStatus(BackendKind.REDIS, BackendStatus.State.STALE,
                    Instant.parse("2026-11-28T03:04:05Z"), "connection reset by peer"));
            model.updateStatus(new BackendStatus(BackendKind.PLATFORM, BackendStatus.State.ERROR,
                    Instant.parse("2026-11-28T03:05:00Z"), "401 Unauthorized"));
        });
        Label kube = robot.lookup("#status-kubernetes").queryAs(Label.class);
        Label redis = robot.lookup("#status-redis").queryAs(Label.class);
        Label platform = robot.lookup("#status-platform").queryAs(Label.class);
        assertThat(kube.getText()).endsWith("Kubernetes: connected");
        assertThat(redis.getText()).endsWith("Redis: stale since 03:04:05");
        assertThat(redis.getTooltip().getText()).isEqualTo("connection reset by peer");
        assertThat(platform.getText()).endsWith("Platform: error");
        assertThat(platform.getTooltip().getText()).isEqualTo("401 Unauthorized");
        assertThat(redis.getStyleClass()).contains("status-warning");
    }

    @Test
    void switchingTheThemeSwapsThePaletteAtRunTime(FxRobot robot) {
        robot.interact(() -> model.themeProperty().set(Theme.DARK));
        assertThat(stage.getScene().getStylesheets()).anyMatch(s -> s.endsWith("/styles/dark.css"))
                .noneMatch(s -> s.endsWith("/styles/light.css"));
    }

    @Test
    void controlsHaveAccessibleNames(FxRobot robot) {
        assertThat(robot.lookup(".combo-box").queryComboBox().getAccessibleText()).isEqualTo("Theme");
        assertThat(robot.lookup(".navigation").query().getAccessibleText()).isEqualTo("Screens");
    }
}
