package dev.pitwall.ui.warroom;

import dev.pitwall.ops.timeline.TimelineEntry;
import dev.pitwall.ops.timeline.TimelineKind;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/**
 * The Incident screen: mark the incident's start and end, filter the timeline by kind, export the report. A tampered
 * audit log is shown above the timeline in the danger style, with what is wrong.
 */
public final class IncidentView extends BorderPane {

    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");

    public IncidentView(IncidentViewModel model, ZoneId zone) {
        getStyleClass().add("incident-view");
        Label title = new Label("Incident");
        title.getStyleClass().add("screen-title");
        Label window = new Label();
        window.setId("incident-window");
        window.textProperty().bind(model.windowTextProperty());
        Button start = button("Mark start", "incident-mark-start", model::markStart);
        Button end = button("Mark end", "incident-mark-end", model::markEnd);
        end.disableProperty().bind(model.windowProperty().isNull());
        Button clear = button("Clear marks", "incident-clear", model::clearMarks);
        clear.disableProperty().bind(model.windowProperty().isNull());
        Button refresh = button("Refresh", "incident-refresh", model::refresh);
        Button export = button("Export report", "incident-export", model::exportReport);
        export.disableProperty().bind(model.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, title, window, spacer, start, end, clear, refresh, export);
        bar.setAlignment(Pos.CENTER_LEFT);

        FlowPane filters = new FlowPane(12, 4);
        for (TimelineKind kind : TimelineKind.values()) {
            CheckBox box = new CheckBox(kind.text());
            box.setId("incident-kind-" + kind.id());
            box.setSelected(model.kinds().contains(kind));
            box.selectedProperty().addListener((obs, old, on) -> {
                if (on) {
                    model.kinds().add(kind);
                } else {
                    model.kinds().remove(kind);
                }
            });
            filters.getChildren().add(box);
        }
        Label problems = new Label();
        problems.setId("incident-problems");
        problems.setWrapText(true);
        problems.textProperty().bind(model.problemsProperty());
        problems.visibleProperty().bind(model.problemsProperty().isNotEmpty());
        problems.managedProperty().bind(problems.visibleProperty());
        problems.getStyleClass().add("form-problem");
        Label message = new Label();
        message.setId("incident-message");
        message.textProperty().bind(model.messageProperty());
        VBox top = new VBox(6, bar, filters, problems);
        top.setPadding(new Insets(8, 12, 8, 12));
        top.getStyleClass().add("trust-header");
        setTop(top);

        TableView<TimelineEntry> table = new TableView<>(model.entries());
        table.setId("incident-timeline");
        table.setPlaceholder(new Label("Nothing recorded in this window."));
        table.getColumns().add(column("Time", 100, e -> HMS.format(e.at().atZone(zone))));
        table.getColumns().add(column("Level", 130, e -> level(e.level())));
        table.getColumns().add(column("Kind", 190, e -> e.kind().text()));
        table.getColumns().add(column("Subject", 300, TimelineEntry::subject));
        table.getColumns().add(column("What happened", 700, TimelineEntry::text));
        table.getColumns().add(column("Who", 110, e -> e.actor() == null ? "" : e.actor()));
        setCenter(table);
        HBox bottom = new HBox(message);
        bottom.setPadding(new Insets(4, 12, 4, 12));
        setBottom(bottom);
        model.refresh();
    }

    /** A level as glyph and word, never colour alone. */
    static String level(TimelineEntry.Level level) {
        return switch (level) {
            case CRITICAL -> TileStatus.CRITICAL.label();
            case WARNING -> TileStatus.WARNING.label();
            case INFO -> "\u2139 INFO";
        };
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static TableColumn<TimelineEntry, String> column(String title, double width,
                                                             Function<TimelineEntry, String> value) {
        TableColumn<TimelineEntry, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
