package dev.pitwall.ui.warroom;

import dev.pitwall.ops.timeline.TimelineEntry;
import dev.pitwall.ops.timeline.TimelineKind;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/** The Incident screen's FXML controller (views/incident.fxml): binds the ViewModel, nothing else. */
public final class IncidentView {

    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final IncidentViewModel model;
    private final ZoneId zone;

    @FXML private Label windowLabel;
    @FXML private Button markEndButton;
    @FXML private Button clearButton;
    @FXML private Button exportButton;
    @FXML private FlowPane kindFilters;
    @FXML private Label problemsLabel;
    @FXML private Label messageLabel;
    @FXML private TableView<TimelineEntry> timelineTable;
    @FXML private TableColumn<TimelineEntry, String> timeColumn;
    @FXML private TableColumn<TimelineEntry, String> levelColumn;
    @FXML private TableColumn<TimelineEntry, String> kindColumn;
    @FXML private TableColumn<TimelineEntry, String> subjectColumn;
    @FXML private TableColumn<TimelineEntry, String> textColumn;
    @FXML private TableColumn<TimelineEntry, String> actorColumn;

    public IncidentView(IncidentViewModel model, ZoneId zone) {
        this.model = model;
        this.zone = zone;
    }

    @FXML
    private void initialize() {
        windowLabel.textProperty().bind(model.windowTextProperty());
        markEndButton.disableProperty().bind(model.windowProperty().isNull());
        clearButton.disableProperty().bind(model.windowProperty().isNull());
        exportButton.disableProperty().bind(model.busyProperty());
        for (TimelineKind kind : TimelineKind.values()) {
            kindFilters.getChildren().add(filter(kind));
        }
        problemsLabel.textProperty().bind(model.problemsProperty());
        problemsLabel.visibleProperty().bind(model.problemsProperty().isNotEmpty());
        problemsLabel.managedProperty().bind(problemsLabel.visibleProperty());
        messageLabel.textProperty().bind(model.messageProperty());

        timelineTable.setItems(model.entries());
        // what happened takes the width left, and a long text shows whole in its tooltip
        timelineTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        textColumn.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null ? null : new Tooltip(text));
            }
        });
        timelineTable.setPlaceholder(new Label("Nothing recorded in this window."));
        value(timeColumn, e -> HMS.format(e.at().atZone(zone)));
        value(levelColumn, e -> level(e.level()));
        value(kindColumn, e -> e.kind().text());
        value(subjectColumn, TimelineEntry::subject);
        value(textColumn, TimelineEntry::text);
        value(actorColumn, e -> e.actor() == null ? "" : e.actor());
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

    private CheckBox filter(TimelineKind kind) {
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
        return box;
    }

    private static void value(TableColumn<TimelineEntry, String> column, Function<TimelineEntry, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    @FXML
    private void onMarkStart() {
        model.markStart();
    }

    @FXML
    private void onMarkEnd() {
        model.markEnd();
    }

    @FXML
    private void onClear() {
        model.clearMarks();
    }

    @FXML
    private void onRefresh() {
        model.refresh();
    }

    @FXML
    private void onExport() {
        model.exportReport();
    }
}
