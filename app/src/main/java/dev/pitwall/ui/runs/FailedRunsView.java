package dev.pitwall.ui.runs;

import dev.pitwall.model.FlowRun;
import dev.pitwall.ops.runs.RunGroup;
import dev.pitwall.ui.common.Fx;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

/** FXML controller of the Failed runs screen. */
public final class FailedRunsView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final FailedRunsViewModel model;
    private final Consumer<FailedRunsViewModel> planReplay;
    private final ZoneId zone;

    @FXML private ComboBox<FailedRunsViewModel.Window> windowChooser;
    @FXML private TextField projectField;
    @FXML private TextField flowField;
    @FXML private TextField stepField;
    @FXML private TextField messageField;
    @FXML private Button loadButton;
    @FXML private Button replayButton;
    @FXML private Label statusLabel;
    @FXML private TableView<RunGroup> groupTable;
    @FXML private TableColumn<RunGroup, Long> groupCountColumn;
    @FXML private TableColumn<RunGroup, String> groupFlowColumn;
    @FXML private TableColumn<RunGroup, String> groupStepColumn;
    @FXML private TableColumn<RunGroup, String> groupSignatureColumn;
    @FXML private TableColumn<RunGroup, String> groupLastColumn;
    @FXML private TableView<FlowRun> runTable;
    @FXML private TableColumn<FlowRun, String> createdColumn;
    @FXML private TableColumn<FlowRun, String> idColumn;
    @FXML private TableColumn<FlowRun, String> statusColumn;
    @FXML private TableColumn<FlowRun, String> projectColumn;
    @FXML private TableColumn<FlowRun, String> flowColumn;
    @FXML private TableColumn<FlowRun, String> stepColumn;
    @FXML private TableColumn<FlowRun, String> messageColumn;
    @FXML private TextArea detailArea;

    /** @param planReplay opens the replay planner for what the browser shows */
    public FailedRunsView(FailedRunsViewModel model, Consumer<FailedRunsViewModel> planReplay, ZoneId zone) {
        this.model = model;
        this.planReplay = planReplay;
        this.zone = zone;
    }

    @FXML
    private void initialize() {
        windowChooser.getItems().setAll(FailedRunsViewModel.Window.values());
        windowChooser.valueProperty().bindBidirectional(model.window);
        projectField.textProperty().bindBidirectional(model.project);
        flowField.textProperty().bindBidirectional(model.flow);
        stepField.textProperty().bindBidirectional(model.step);
        messageField.textProperty().bindBidirectional(model.message);
        statusLabel.textProperty().bind(model.statusProperty());
        replayButton.disableProperty().bind(model.loadingProperty());

        groupCountColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().count()));
        groupFlowColumn.setCellValueFactory(c -> text(c.getValue().key().flowId()));
        groupStepColumn.setCellValueFactory(c -> text(c.getValue().key().failedStepName()));
        groupSignatureColumn.setCellValueFactory(c -> text(c.getValue().key().signature()));
        groupLastColumn.setCellValueFactory(c -> text(time(c.getValue().lastSeen())));
        groupTable.setItems(model.groups());
        groupTable.setPlaceholder(new Label("No groups: load failed runs first."));
        groupTable.getSelectionModel().selectedItemProperty().addListener((obs, old, g) ->
                model.selectedGroupProperty().set(g));

        createdColumn.setCellValueFactory(c -> text(time(c.getValue().created())));
        idColumn.setCellValueFactory(c -> text(c.getValue().id()));
        statusColumn.setCellValueFactory(c -> text(c.getValue().status().toString()));
        projectColumn.setCellValueFactory(c -> text(c.getValue().projectId()));
        flowColumn.setCellValueFactory(c -> text(c.getValue().flowId()));
        stepColumn.setCellValueFactory(c -> text(c.getValue().failedStep() == null ? "(none)"
                : c.getValue().failedStep().name()));
        messageColumn.setCellValueFactory(c -> text(c.getValue().isMalformed() ? "malformed: "
                + c.getValue().problem() : c.getValue().failedStep() == null ? ""
                : oneLine(c.getValue().failedStep().message())));
        SortedList<FlowRun> sorted = new SortedList<>(model.shownRuns());
        sorted.comparatorProperty().bind(runTable.comparatorProperty());
        runTable.setItems(sorted);
        runTable.setPlaceholder(new Label("No failed runs loaded. Choose a window and press Load."));
        runTable.getSelectionModel().selectedItemProperty().addListener((obs, old, run) -> showDetail(run));
    }

    @FXML
    private void onLoad() {
        model.load();
    }

    @FXML
    private void onPlanReplay() {
        planReplay.accept(model);
    }

    private void showDetail(FlowRun run) {
        if (run == null) {
            detailArea.clear();
            return;
        }
        String text = RunDetailText.of(run, zone);
        detailArea.setText(text + "\n\nBullMQ job: looking\u2026");
        model.jobDetails(run.id()).thenAccept(job -> Fx.run(() -> {
            if (run.equals(runTable.getSelectionModel().getSelectedItem())) {
                detailArea.setText(text + "\n\nBullMQ job: " + job);
            }
        }));
    }

    private String time(Instant t) {
        return t == null ? "" : TIME.format(t.atZone(zone));
    }

    private static ReadOnlyStringWrapper text(String s) {
        return new ReadOnlyStringWrapper(s == null ? "" : s);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ");
    }

    List<FlowRun> shownForTest() {
        return List.copyOf(runTable.getItems());
    }
}
