package dev.pitwall.ui.warroom;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One tile: title and status (glyph and word) on top, the headline, "stale since HH:MM" when its back-end dropped,
 * then its lines, worst first, each led by its status glyph. Lines past {@link #MAX_LINES} are counted, not drawn.
 */
final class TileView extends VBox {

    static final int MAX_LINES = 7;

    private final Label status = new Label();
    private final Label headline = new Label();
    private final Label stale = new Label();
    private final VBox lines = new VBox();

    TileView(WarRoomViewModel.Tile tile) {
        getStyleClass().add("wr-tile");
        setId("wr-tile-" + tile.id().name().toLowerCase().replace('_', '-'));
        Label title = new Label(tile.id().title());
        title.getStyleClass().add("wr-tile-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        status.getStyleClass().add("wr-status");
        HBox top = new HBox(title, spacer, status);
        top.setAlignment(Pos.CENTER_LEFT);
        headline.getStyleClass().add("wr-headline");
        headline.setWrapText(true);
        stale.getStyleClass().addAll("wr-stale", "wr-warning");
        stale.setWrapText(true);
        lines.getStyleClass().add("wr-lines");
        getChildren().addAll(top, headline, stale, lines);
        stale.textProperty().bind(tile.staleProperty());
        stale.visibleProperty().bind(tile.staleProperty().isNotEmpty());
        stale.managedProperty().bind(stale.visibleProperty());
        show(tile.stateProperty().get());
        tile.stateProperty().addListener((obs, old, now) -> show(now));
        setAccessibleText(tile.id().title());
    }

    private void show(TileState state) {
        status.setText(state.status().label());
        restyle(status, state.status());
        headline.setText(state.headline());
        lines.getChildren().clear();
        int shown = Math.min(state.lines().size(), state.lines().size() > MAX_LINES ? MAX_LINES - 1 : MAX_LINES);
        for (int i = 0; i < shown; i++) {
            lines.getChildren().add(line(state.lines().get(i)));
        }
        if (shown < state.lines().size()) {
            int more = state.lines().size() - shown;
            long okMore = state.lines().subList(shown, state.lines().size()).stream()
                    .filter(l -> l.status() == TileStatus.OK).count();
            Label rest = new Label("+ " + more + " more" + (okMore == more ? ", all " + TileStatus.OK.label() : ""));
            rest.getStyleClass().add("wr-more");
            lines.getChildren().add(rest);
        }
    }

    private static HBox line(TileLine l) {
        Label glyph = new Label(l.status().glyph());
        glyph.getStyleClass().add("wr-glyph");
        glyph.setAccessibleText(l.status().word());
        restyle(glyph, l.status());
        glyph.setMinWidth(Region.USE_PREF_SIZE);
        Label text = new Label(l.text());
        text.getStyleClass().add("wr-line-text");
        // a long line wraps rather than losing its end to an ellipsis: the end is often the figure that matters
        text.setWrapText(true);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(glyph, text);
        row.getStyleClass().add("wr-line");
        row.setAlignment(Pos.TOP_LEFT);
        if (l.trend().size() >= 2) {
            Sparkline spark = new Sparkline(110, 30);
            spark.show(l.trend());
            row.getChildren().add(spark);
        } else if (l.progress() >= 0 && l.status() == TileStatus.RUNNING) {
            ProgressBar bar = new ProgressBar(l.progress());
            bar.getStyleClass().add("wr-progress");
            bar.setPrefWidth(110);
            bar.setMinWidth(110);
            row.getChildren().add(bar);
        }
        return row;
    }

    private static void restyle(Label label, TileStatus status) {
        for (TileStatus s : TileStatus.values()) {
            label.getStyleClass().remove(s.styleClass());
        }
        label.getStyleClass().add(status.styleClass());
    }
}
