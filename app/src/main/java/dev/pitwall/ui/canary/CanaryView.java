package dev.pitwall.ui.canary;

import dev.pitwall.ops.canary.GateReading;
import dev.pitwall.ops.rollback.WorkloadRef;
import dev.pitwall.ui.common.ActionButtons;
import dev.pitwall.ui.common.WriteAccess;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.util.StringConverter;

import java.util.function.Function;

/** The canary wizard's FXML controller: binds the ViewModel, nothing else. */
public final class CanaryView {

    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final CanaryViewModel model;

    @FXML private ComboBox<WorkloadRef> workloadChooser;
    @FXML private TextField imageField;
    @FXML private TextArea envArea;
    @FXML private TextField stepsField;
    @FXML private TextField holdField;
    @FXML private TextField failureDeltaField;
    @FXML private TextField minRunsField;
    @FXML private TextField maxRestartsField;
    @FXML private TextField maxFillField;
    @FXML private TextField minTimeToFullField;
    @FXML private TextField heartbeatGraceField;
    @FXML private TextField maxQueueGrowthField;
    @FXML private javafx.scene.layout.VBox confirmBox;
    @FXML private Label confirmPrompt;
    @FXML private TextField canaryConfirmField;
    @FXML private Button preflightButton;
    @FXML private Button startButton;
    @FXML private Label messageLabel;
    @FXML private Label preflightLabel;
    @FXML private Label headlineLabel;
    @FXML private Label abortLabel;
    @FXML private Label stepLabel;
    @FXML private Button pauseButton;
    @FXML private Button resumeButton;
    @FXML private Button promoteButton;
    @FXML private Button abortButton;
    @FXML private TableView<GateRow> gateTable;
    @FXML private ListView<String> timelineList;

    public CanaryView(CanaryViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        workloadChooser.setItems(model.workloads());
        workloadChooser.setConverter(new StringConverter<>() {
            @Override
            public String toString(WorkloadRef w) {
                return w == null ? "" : w.namespace() + " / " + w.name() + "  (" + (w.kind() == WorkloadRef.Kind
                        .DEPLOYMENT ? "Deployment" : "StatefulSet") + ")";
            }

            @Override
            public WorkloadRef fromString(String text) {
                return null;
            }
        });
        workloadChooser.valueProperty().bindBidirectional(model.workloadProperty());
        imageField.textProperty().bindBidirectional(model.form().imageProperty());
        envArea.textProperty().bindBidirectional(model.form().envProperty());
        stepsField.textProperty().bindBidirectional(model.form().stepsProperty());
        holdField.textProperty().bindBidirectional(model.form().holdMinutesProperty());
        failureDeltaField.textProperty().bindBidirectional(model.form().failureDeltaProperty());
        minRunsField.textProperty().bindBidirectional(model.form().minRunsProperty());
        maxRestartsField.textProperty().bindBidirectional(model.form().maxRestartsProperty());
        maxFillField.textProperty().bindBidirectional(model.form().maxFillProperty());
        minTimeToFullField.textProperty().bindBidirectional(model.form().minTimeToFullProperty());
        heartbeatGraceField.textProperty().bindBidirectional(model.form().heartbeatGraceProperty());
        maxQueueGrowthField.textProperty().bindBidirectional(model.form().maxQueueGrowthProperty());
        WriteAccess access = model.access();
        ActionButtons.bind(preflightButton, access, model.canStartProperty().not().or(model.busyProperty()));
        ActionButtons.bind(startButton, access, model.canStartProperty().not().or(model.busyProperty()));
        confirmBox.visibleProperty().bind(access.confirmationProperty().isNotEmpty());
        confirmBox.managedProperty().bind(confirmBox.visibleProperty());
        confirmPrompt.textProperty().bind(Bindings.concat("Production: type ", access.confirmationProperty(),
                " to start, pause, resume, promote or abort this canary:"));
        canaryConfirmField.textProperty().bindBidirectional(access.typedProperty());
        messageLabel.textProperty().bind(model.messageProperty());
        CanaryDisplay shown = model.display();
        preflightLabel.textProperty().bind(shown.preflightProperty());
        shown.preflightFailedProperty().addListener((obs, old, now) ->
                preflightLabel.pseudoClassStateChanged(FAILED, now));
        headlineLabel.textProperty().bind(shown.headlineProperty());
        abortLabel.textProperty().bind(shown.abortReasonProperty());
        abortLabel.visibleProperty().bind(shown.abortReasonProperty().isNotEmpty());
        abortLabel.managedProperty().bind(abortLabel.visibleProperty());
        stepLabel.textProperty().bind(shown.stepDetailProperty());
        ActionButtons.bind(pauseButton, access, model.canPauseProperty().not());
        ActionButtons.bind(resumeButton, access, model.canResumeProperty().not());
        ActionButtons.bind(promoteButton, access, model.canPromoteProperty().not());
        ActionButtons.bind(abortButton, access, model.canAbortProperty().not());
        gateTable.setItems(shown.gates());
        gateTable.getColumns().setAll(java.util.List.of(column("Gate", GateRow::gate, 170),
                verdictColumn(), wrapping(column("Measured", GateRow::measured, 330)),
                wrapping(column("Threshold", GateRow::threshold, 280))));
        gateTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        gateTable.setPlaceholder(new Label("Gate values appear once a canary runs."));
        timelineList.setItems(shown.timeline());
        timelineList.setCellFactory(list -> new ListCell<>() {
            private final Text text = new Text();

            {
                text.wrappingWidthProperty().bind(list.widthProperty().subtract(36));
                text.getStyleClass().add("canary-timeline-text");
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty ? null : item);
                setGraphic(empty ? null : text);
            }
        });
        timelineList.setPlaceholder(new Label("Nothing yet."));
    }

    private static TableColumn<GateRow, String> column(String title, Function<GateRow, String> value, double width) {
        TableColumn<GateRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** Long measured values and thresholds wrap within their column instead of being cut. */
    private static TableColumn<GateRow, String> wrapping(TableColumn<GateRow, String> column) {
        column.setCellFactory(c -> new TableCell<>() {
            private final Text text = new Text();

            {
                text.wrappingWidthProperty().bind(column.widthProperty().subtract(12));
                text.getStyleClass().add("canary-gate-text");
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty ? null : item);
                setGraphic(empty ? null : text);
            }
        });
        return column;
    }

    private static TableColumn<GateRow, String> verdictColumn() {
        TableColumn<GateRow, String> column = column("Verdict", GateRow::verdict, 120);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                GateRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                getStyleClass().removeAll("status-ok", "status-warning", "status-danger");
                if (row != null) {
                    getStyleClass().add(row.state() == GateReading.Verdict.FAIL ? "status-danger"
                            : row.state() == GateReading.Verdict.PASS ? "status-ok" : "status-warning");
                }
            }
        });
        return column;
    }

    @FXML
    private void onPreflight() {
        model.checkPreflight();
    }

    @FXML
    private void onStart() {
        model.startCanary();
    }

    @FXML
    private void onPause() {
        model.pause();
    }

    @FXML
    private void onResume() {
        model.resume();
    }

    @FXML
    private void onPromote() {
        model.promote();
    }

    @FXML
    private void onAbort() {
        model.abort();
    }
}
