package dev.pitwall.ui.warroom;

import dev.pitwall.ops.timeline.TimelineEntry;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The board's second page: the latest timeline entries, newest first, each with its level as glyph and word. */
final class TimelinePage extends VBox {

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    private final VBox rows = new VBox();
    private final ZoneId zone;

    TimelinePage(ObservableList<TimelineEntry> entries, javafx.beans.value.ObservableStringValue problem,
                 ZoneId zone) {
        this.zone = zone;
        getStyleClass().add("wr-tile");
        setId("wr-timeline-page");
        Label title = new Label("Incident timeline \u00b7 latest first");
        title.getStyleClass().add("wr-tile-title");
        rows.getStyleClass().add("wr-lines");
        Label problems = new Label();
        problems.getStyleClass().addAll("wr-stale", "wr-warning");
        problems.setWrapText(true);
        problems.textProperty().bind(javafx.beans.binding.Bindings.concat("\u26A0 INCOMPLETE: ", problem));
        problems.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(problem));
        problems.managedProperty().bind(problems.visibleProperty());
        getChildren().addAll(title, problems, rows);
        entries.addListener((ListChangeListener<TimelineEntry>) c -> show(entries));
        show(entries);
    }

    private void show(ObservableList<TimelineEntry> entries) {
        rows.getChildren().clear();
        if (entries.isEmpty()) {
            Label none = new Label(TileStatus.NO_DATA.label() + ": nothing recorded in the last hour");
            none.getStyleClass().add("wr-muted");
            rows.getChildren().add(none);
        }
        for (TimelineEntry e : entries) {
            TileStatus status = switch (e.level()) {
                case CRITICAL -> TileStatus.CRITICAL;
                case WARNING -> TileStatus.WARNING;
                case INFO -> TileStatus.OK;
            };
            Label time = new Label(HM.format(e.at().atZone(zone)));
            time.getStyleClass().add("wr-muted");
            time.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label glyph = new Label(status.glyph());
            glyph.getStyleClass().addAll("wr-glyph", status.styleClass());
            glyph.setAccessibleText(status.word());
            glyph.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label text = new Label(e.kind().text() + " \u00b7 " + e.subject() + ": " + e.text());
            text.getStyleClass().add("wr-line-text");
            text.setWrapText(true);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(12, time, glyph, text);
            row.setAlignment(Pos.TOP_LEFT);
            row.getStyleClass().add("wr-line");
            rows.getChildren().add(row);
        }
    }
}
