package dev.pitwall.ui.warroom;

import dev.pitwall.testing.DrawnText;
import dev.pitwall.testing.MutableClock;
import dev.pitwall.ui.shell.Theme;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The war-room board in a window smaller than its reference screen (a 1366x768 laptop): scaled as a whole, nothing on
 * it is cut off. Laid out at that size, the board's large type clipped its title, its status and its clock.
 */
@ExtendWith(ApplicationExtension.class)
class FitToReferenceTest {

    private FitToReference fit;
    private WarRoomBoard board;

    @Start
    void start(Stage stage) {
        WarRoomViewModel model = new WarRoomViewModel(FXCollections.observableArrayList(), Map.of(TileId.QUEUES,
                "no Redis in this profile"), ZoneOffset.UTC, new MutableClock(Instant.parse("2026-11-28T03:00:00Z")));
        board = new WarRoomBoard(model, "production eu-west (on call)", ZoneOffset.UTC, null);
        fit = new FitToReference(board);
        Scene scene = new Scene(fit, 1366, 768);
        scene.getStylesheets().setAll(Theme.WAR_ROOM.stylesheets());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aSmallerWindowShowsTheWholeBoardScaledDown(FxRobot robot) {
        List<Object> seen = new ArrayList<>();
        robot.interact(() -> {
            fit.applyCss();
            fit.layout();
            seen.add(fit.scale());
            seen.add(DrawnText.clipped(board));
            seen.add(board.getWidth());
            seen.add(board.getHeight());
        });
        Offset<Double> close = Offset.offset(1e-6);
        assertThat((double) seen.get(0)).as("the height limits it: 768/1080").isCloseTo(768 / 1080.0, close);
        assertThat((List<?>) seen.get(1)).as("text cut off").isEmpty();
        assertThat((double) seen.get(3)).as("laid out at the reference height").isCloseTo(1080.0, close);
        assertThat((double) seen.get(2)).as("in the window's proportion").isCloseTo(1366 * 1080 / 768.0, close);
    }
}
