package dev.pitwall.ui.replay;

import dev.pitwall.ops.replay.ReplayPlan;
import dev.pitwall.ops.runs.RetryStrategy;
import dev.pitwall.ui.common.ActionButtons;
import dev.pitwall.ui.common.WriteAccess;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

import java.util.Map;

/** FXML controller of the Replays screen. */
public final class ReplaysView {

    private final ReplaysViewModel model;

    @FXML private Label messageLabel;
    @FXML private ComboBox<RetryStrategy> strategyChooser;
    @FXML private TextField rateField;
    @FXML private TextField depthField;
    @FXML private TextField canaryField;
    @FXML private Button startButton;
    @FXML private HBox confirmBox;
    @FXML private Label confirmPrompt;
    @FXML private TextField replayConfirmField;
    @FXML private TableView<Map.Entry<String, Long>> groupTable;
    @FXML private TableColumn<Map.Entry<String, Long>, String> groupColumn;
    @FXML private TableColumn<Map.Entry<String, Long>, Long> groupCountColumn;
    @FXML private TableView<Map.Entry<String, Long>> exclusionTable;
    @FXML private TableColumn<Map.Entry<String, Long>, String> reasonColumn;
    @FXML private TableColumn<Map.Entry<String, Long>, Long> reasonCountColumn;
    @FXML private TableView<ReplaysViewModel.JournalRow> journalTable;
    @FXML private TableColumn<ReplaysViewModel.JournalRow, String> journalPlanColumn;
    @FXML private TableColumn<ReplaysViewModel.JournalRow, String> journalStateColumn;
    @FXML private TableColumn<ReplaysViewModel.JournalRow, String> journalSentColumn;
    @FXML private TableColumn<ReplaysViewModel.JournalRow, Long> journalSucceededColumn;
    @FXML private TableColumn<ReplaysViewModel.JournalRow, Long> journalFailedColumn;
    @FXML private Button resumeButton;
    @FXML private TextArea reportArea;

    public ReplaysView(ReplaysViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        messageLabel.textProperty().bind(model.messageProperty());
        strategyChooser.getItems().setAll(RetryStrategy.values());
        strategyChooser.valueProperty().bindBidirectional(model.strategy);
        rateField.textProperty().bindBidirectional(model.rate);
        depthField.textProperty().bindBidirectional(model.maxQueueDepth);
        canaryField.textProperty().bindBidirectional(model.canary);
        WriteAccess access = model.access();
        ActionButtons.bind(startButton, access, model.planProperty().isNull());
        confirmBox.visibleProperty().bind(access.confirmationProperty().isNotEmpty());
        confirmBox.managedProperty().bind(confirmBox.visibleProperty());
        confirmPrompt.textProperty().bind(Bindings.concat("Production: type ", access.confirmationProperty(),
                " to replay:"));
        replayConfirmField.textProperty().bindBidirectional(access.typedProperty());

        groupColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getKey()));
        groupCountColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        reasonColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getKey()));
        reasonCountColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        groupTable.setPlaceholder(new Label("No plan yet: select runs in Failed runs and choose Plan replay\u2026"));
        exclusionTable.setPlaceholder(new Label("Nothing excluded."));
        model.planProperty().addListener((obs, old, plan) -> showPlan(plan));

        journalPlanColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().planId()));
        journalStateColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().state()));
        journalSentColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                String.format("%,d / %,d", c.getValue().sent(), c.getValue().planned())));
        journalSucceededColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().succeeded()));
        journalFailedColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().failedAgain()));
        journalTable.setItems(model.journals());
        journalTable.setPlaceholder(new Label("No earlier replays."));
        journalTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            reportArea.setText(row == null ? "" : row.report());
            model.chooseJournal(row);
        });
        ActionButtons.bind(resumeButton, access, Bindings.createBooleanBinding(() -> {
            ReplaysViewModel.JournalRow row = journalTable.getSelectionModel().getSelectedItem();
            return row == null || !row.resumable();
        }, journalTable.getSelectionModel().selectedItemProperty()));
        model.refreshJournals();
    }

    private void showPlan(ReplayPlan plan) {
        if (plan == null) {
            groupTable.getItems().clear();
            exclusionTable.getItems().clear();
            return;
        }
        groupTable.setItems(FXCollections.observableArrayList(plan.countsByGroup().entrySet()));
        exclusionTable.setItems(FXCollections.observableArrayList(plan.exclusionsByReason().entrySet()));
    }

    @FXML
    private void onStart() {
        model.start();
    }

    @FXML
    private void onRefresh() {
        model.refreshJournals();
    }

    @FXML
    private void onResume() {
        ReplaysViewModel.JournalRow row = journalTable.getSelectionModel().getSelectedItem();
        if (row != null) {
            model.resume(row);
        }
    }
}
