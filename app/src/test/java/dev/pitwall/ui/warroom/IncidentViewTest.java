package dev.pitwall.ui.warroom;

import dev.pitwall.ops.exec.DirectExecutor;
import dev.pitwall.testing.OnFx;
import dev.pitwall.ops.timeline.TimelineEntry;
import dev.pitwall.ui.common.ViewLoader;
import dev.pitwall.ui.shell.Theme;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Incident screen as loaded from views/incident.fxml: marking the start and the end with its buttons, hiding a
 * kind of entry with its box, and a tampered audit log shown above the timeline.
 */
@ExtendWith(ApplicationExtension.class)
class IncidentViewTest {

    private final IncidentFixture fx = new IncidentFixture();

    @Start
    void start(Stage stage) {
        // the fixture's sources answer at once: the model may run their reads on the FX thread here
        Parent view = ViewLoader.load("incident", new IncidentView(fx.model(new DirectExecutor(), Runnable::run),
                ZoneOffset.UTC));
        Scene scene = new Scene(view, 1260, 700);
        scene.getStylesheets().setAll(Theme.LIGHT.stylesheets());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theButtonsMarkTheIncidentAndTheBoxesFilterItsTimeline(FxRobot robot) {
        TableView<TimelineEntry> timeline = robot.lookup("#incident-timeline").queryTableView();
        assertThat(OnFx.read(() -> robot.lookup("#incident-mark-end").queryButton().isDisabled()))
                .as("nothing to end before a start").isTrue();

        robot.clickOn("#incident-mark-start");
        fx.clock.advance(Duration.ofMinutes(20));
        robot.clickOn("#incident-mark-end");
        assertThat(OnFx.read(() -> robot.lookup("#incident-window").queryAs(Label.class).getText()))
                .isEqualTo("Incident from 2026-11-27 22:00:00 to 2026-11-27 22:20:00");
        assertThat(OnFx.read(() -> texts(timeline))).containsExactly("crash-loop raised", "trust.fix by alice");

        robot.clickOn("#incident-kind-alert");
        assertThat(OnFx.read(() -> texts(timeline))).as("alerts hidden").containsExactly("trust.fix by alice");
        robot.clickOn("#incident-kind-alert");
        assertThat(OnFx.read(() -> texts(timeline))).hasSize(2);
        assertThat(OnFx.read(() -> robot.lookup("#incident-problems").queryAs(Label.class).isVisible())).isFalse();
    }

    @Test
    void aTamperedAuditLogIsShownAboveTheTimeline(FxRobot robot) {
        fx.auditProblems.add("line 3: its content was changed after it was written");
        robot.clickOn("#incident-refresh");
        Label problems = robot.lookup("#incident-problems").queryAs(Label.class);
        assertThat(OnFx.read(problems::isVisible)).isTrue();
        assertThat(OnFx.read(problems::getText)).contains("audit log: TAMPERED OR TRUNCATED: line 3");
    }

    private static List<String> texts(TableView<TimelineEntry> table) {
        return table.getItems().stream().map(TimelineEntry::text).toList();
    }
}
