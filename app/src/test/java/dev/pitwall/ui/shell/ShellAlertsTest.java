package dev.pitwall.ui.shell;

import dev.pitwall.model.Alert;
import dev.pitwall.model.Alert.Severity;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class ShellAlertsTest {

    private static final Instant AT = Instant.parse("2026-11-28T03:04:05Z");

    private ShellViewModel model;

    @Start
    void start(Stage stage) {
        model = new ShellViewModel("prod-eu", false);
        new ConsoleWindow(model, s -> new Label(s.title()), new StackPane(), ZoneOffset.UTC, 1200, 800).showIn(stage);
    }

    @Test
    void theBadgeCountsAlertsBySeverityWithIconAndText(FxRobot robot) {
        Button badge = robot.lookup("#alertsButton").queryAs(Button.class);
        assertThat(badge.getText()).isEqualTo("\u2714 No alerts");
        assertThat(badge.getStyleClass()).contains("alerts-none");

        robot.interact(() -> model.updateAlerts(List.of(
                new Alert(Severity.CRITICAL, "volume-critical", "ap-shared/w-1", "cache volume 97% full", AT),
                new Alert(Severity.WARNING, "volume-high", "ap-shared/w-2", "cache volume 85% full", AT),
                new Alert(Severity.WARNING, "heartbeat-offline", "ap-shared/w-3", "no heartbeat for 75 s", AT))));
        assertThat(badge.getText()).isEqualTo("\u2716 1 critical  \u26A0 2 warnings");
        assertThat(badge.getStyleClass()).contains("alerts-critical").doesNotContain("alerts-none");
    }

    @Test
    void clickingTheBadgeListsTheAlerts(FxRobot robot) {
        robot.interact(() -> model.updateAlerts(List.of(
                new Alert(Severity.CRITICAL, "crash-loop", "ap-shared/w-1", "crash-looping (CrashLoopBackOff)", AT))));
        robot.clickOn("#alertsButton");
        @SuppressWarnings("unchecked")
        ListView<Alert> list = robot.lookup("#alerts-list").queryAs(ListView.class);
        assertThat(list.getItems()).extracting(Alert::subject).containsExactly("ap-shared/w-1");
        assertThat(robot.lookup("#alerts-list .list-cell").queryAllAs(javafx.scene.control.ListCell.class))
                .extracting(c -> String.valueOf(c.getText()))
                .contains("\u2716 CRITICAL  ap-shared/w-1: crash-looping (CrashLoopBackOff)  (since 03:04:05)");
    }
}
