package dev.pitwall.ui.rollback;

import dev.pitwall.ops.rollback.Revision;
import dev.pitwall.ui.rollback.RollbackWizardViewModel.Step;
import javafx.beans.binding.Bindings;
import dev.pitwall.ui.common.ActionButtons;
import dev.pitwall.ui.common.WriteAccess;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** FXML controller of the rollback wizard: one pane per step, shown as the ViewModel moves through them. */
public final class RollbackWizardView {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass TRUST = PseudoClass.getPseudoClass("trust");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    private static final PseudoClass PASSED = PseudoClass.getPseudoClass("passed");

    private final RollbackWizardViewModel model;
    private final DateTimeFormatter time;

    @FXML private HBox stepBar;
    @FXML private Label messageLabel;
    @FXML private VBox workloadPane;
    @FXML private TableView<WorkloadRow> workloadTable;
    @FXML private VBox targetPane;
    @FXML private Label workloadTitle;
    @FXML private Label currentLabel;
    @FXML private ComboBox<Revision> targetChooser;
    @FXML private Label trustNoteLabel;
    @FXML private TableView<DiffRow> diffTable;
    @FXML private VBox preflightPane;
    @FXML private Label planLabel;
    @FXML private TableView<CheckRow> preflightTable;
    @FXML private VBox confirmPane;
    @FXML private Label confirmSummary;
    @FXML private Label confirmPrompt;
    @FXML private TextField confirmField;
    @FXML private TextField forwardConfirmField;
    @FXML private Button goForwardButton;
    @FXML private Label disabledLabel;
    @FXML private Button executeButton;
    @FXML private VBox runPane;
    @FXML private Label runTitle;
    @FXML private Label progressLabel;
    @FXML private TableView<CheckRow> verifyTable;
    @FXML private Label outcomeLabel;
    @FXML private HBox decisionBox;
    @FXML private HBox replayBox;
    @FXML private Label replayWindowLabel;
    @FXML private Button backButton;
    @FXML private Button newButton;
    @FXML private Button nextButton;

    public RollbackWizardView(RollbackWizardViewModel model, ZoneId zone) {
        this.model = model;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    @FXML
    private void initialize() {
        messageLabel.textProperty().bind(model.messageProperty());
        for (Step s : Step.values()) {
            Label l = new Label((s.ordinal() + 1) + " " + s.title());
            l.getStyleClass().add("rollback-step");
            l.setUserData(s);
            stepBar.getChildren().add(l);
            if (s.ordinal() < Step.values().length - 1) {
                stepBar.getChildren().add(new Label("\u203A"));
            }
        }

        workloadTable.setItems(model.workloads());
        workloadTable.setPlaceholder(new Label("No worker workloads read yet."));
        column(workloadTable, "Workload", 18, r -> r.ref() == null ? "" : r.ref().name());
        column(workloadTable, "Namespace", 12, r -> r.ref() == null ? "" : r.ref().namespace());
        column(workloadTable, "Kind", 8, WorkloadRow::kind);
        column(workloadTable, "Revision", 6, r -> r.problem() != null ? "?" : String.valueOf(r.revision()));
        column(workloadTable, "Images", 27, r -> r.problem() != null ? "\u2716 " + r.problem() : r.images());
        column(workloadTable, "Execution mode", 17, WorkloadRow::mode);
        workloadTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) ->
                model.workloadProperty().set(row));
        // a re-read list keeps the chosen workload selected
        model.workloadProperty().addListener((obs, old, row) -> {
            if (row != null && row != workloadTable.getSelectionModel().getSelectedItem()) {
                workloadTable.getSelectionModel().select(row);
            }
        });
        workloadTable.setRowFactory(t -> {
            TableRow<WorkloadRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    model.chooseWorkload();
                }
            });
            return row;
        });

        workloadTitle.textProperty().bind(Bindings.createStringBinding(() -> model.workloadProperty().get() == null
                || model.workloadProperty().get().ref() == null ? ""
                : "Roll back " + model.workloadProperty().get().ref(), model.workloadProperty()));
        currentLabel.textProperty().bind(model.currentProperty());
        targetChooser.setItems(model.targets());
        targetChooser.valueProperty().bindBidirectional(model.targetProperty());
        targetChooser.setButtonCell(new RevisionCell());
        targetChooser.setCellFactory(l -> new RevisionCell());
        trustNoteLabel.textProperty().bind(model.trustNoteProperty());
        show(trustNoteLabel, Bindings.isNotEmpty(model.trustNoteProperty()));
        diffTable.setItems(model.diff());
        diffTable.setPlaceholder(new Label("No differences."));
        column(diffTable, "Change", 12, DiffRow::marker);
        column(diffTable, "Area", 6, DiffRow::area);
        column(diffTable, "What", 19, DiffRow::key);
        column(diffTable, "Now (current revision)", 30, DiffRow::before);
        column(diffTable, "After the rollback (target)", 30, DiffRow::after);
        diffTable.setRowFactory(t -> marked(DiffRow::trust, r -> false, r -> false));

        planLabel.textProperty().bind(model.planTextProperty());
        preflightTable.setItems(model.preflight());
        preflightTable.setPlaceholder(new Label("The preflight has not run."));
        checkColumns(preflightTable, "Check", "Finding");

        confirmSummary.textProperty().bind(Bindings.createStringBinding(() -> model.plan() == null ? ""
                : "Roll back " + model.plan().workload() + " from revision " + model.plan().currentRevision()
                + " to revision " + model.plan().targetRevision() + " (" + String.join(", ",
                model.plan().targetImages()) + "): " + writes(model.plan().writes().size())
                + ", then verification.", model.stepProperty()));
        WriteAccess access = model.access();
        confirmPrompt.textProperty().bind(Bindings.createStringBinding(() -> model.plan() == null ? ""
                : model.confirmationNeeded() ? "This is a production connection. Type "
                + access.confirmationProperty().get() + " to confirm:" : "Not a production connection: no typed "
                + "confirmation is needed.", model.stepProperty(), access.confirmationProperty()));
        show(confirmField, access.confirmationProperty().isNotEmpty());
        confirmField.textProperty().bindBidirectional(access.typedProperty());
        disabledLabel.textProperty().bind(model.disabledReasonProperty());
        ActionButtons.bind(executeButton, access, model.canExecuteProperty().not());

        runTitle.textProperty().bind(Bindings.createStringBinding(() -> model.plan() == null ? ""
                : "Verify " + model.plan().workload() + " on revision " + model.plan().targetRevision(),
                model.stepProperty()));
        progressLabel.textProperty().bind(model.progressProperty());
        verifyTable.setItems(model.verification());
        checkColumns(verifyTable, "Check", "Failing on");
        outcomeLabel.textProperty().bind(model.outcomeProperty());
        outcomeLabel.textProperty().addListener((obs, old, now) -> {
            outcomeLabel.pseudoClassStateChanged(FAILED, now != null && now.startsWith("\u2716"));
            outcomeLabel.pseudoClassStateChanged(PASSED, now != null && now.startsWith("\u2714"));
        });
        show(decisionBox, model.decisionOfferedProperty());
        ActionButtons.bind(goForwardButton, access, model.canGoForwardProperty().not());
        show(forwardConfirmField, access.confirmationProperty().isNotEmpty());
        forwardConfirmField.textProperty().bindBidirectional(model.forwardTypedProperty());
        forwardConfirmField.promptTextProperty().bind(Bindings.concat("type ", access.confirmationProperty(),
                " to go forward"));
        show(replayBox, model.stepProperty().isEqualTo(Step.SUMMARY)
                .and(Bindings.isNotEmpty(model.replayWindowTextProperty())));
        replayWindowLabel.textProperty().bind(model.replayWindowTextProperty());

        model.stepProperty().addListener((obs, old, now) -> showStep(now));
        showStep(model.stepProperty().get());
        model.busyProperty().addListener((obs, old, now) -> nextButton.setDisable(now));
    }

    private void showStep(Step step) {
        Map<Step, Node> panes = Map.of(Step.WORKLOAD, workloadPane, Step.TARGET, targetPane,
                Step.PREFLIGHT, preflightPane, Step.CONFIRM, confirmPane, Step.RUN, runPane, Step.SUMMARY, runPane);
        panes.values().forEach(p -> p.setVisible(false));
        panes.get(step).setVisible(true);
        stepBar.getChildren().forEach(n -> n.pseudoClassStateChanged(CURRENT, n.getUserData() == step));
        String next = switch (step) {
            case WORKLOAD -> "Next: choose the target";
            case TARGET -> "Run preflight";
            case PREFLIGHT -> "Next: confirm";
            default -> null;
        };
        nextButton.setText(next == null ? "" : next);
        nextButton.setVisible(next != null);
        nextButton.setManaged(next != null);
        boolean before = step == Step.TARGET || step == Step.PREFLIGHT || step == Step.CONFIRM;
        backButton.setVisible(before);
        backButton.setManaged(before);
        newButton.setVisible(step == Step.SUMMARY);
        newButton.setManaged(step == Step.SUMMARY);
    }

    private static String writes(int n) {
        return n == 1 ? "1 write" : n + " writes";
    }

    private static void show(Node node, javafx.beans.value.ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }

    /** A text column {@code ems} wide in the theme's font, so that the war-room's large type is not clipped. */
    private <T> TableColumn<T, String> column(TableView<T> table, String title, double ems, Function<T, String> text) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> ems * messageLabel.getFont().getSize(),
                messageLabel.fontProperty()));
        c.setCellValueFactory(v -> new ReadOnlyStringWrapper(text.apply(v.getValue())));
        table.getColumns().add(c);
        return c;
    }

    /** Result and check at their width; the finding takes the rest and wraps, so that every pod named is seen. */
    private void checkColumns(TableView<CheckRow> table, String check, String detail) {
        TableColumn<CheckRow, String> result = column(table, "Result", 9, CheckRow::state);
        TableColumn<CheckRow, String> name = column(table, check, 8, CheckRow::check);
        TableColumn<CheckRow, String> details = new TableColumn<>(detail);
        details.setCellValueFactory(v -> new ReadOnlyStringWrapper(v.getValue().detail()));
        details.setCellFactory(c -> new WrappingCell());
        // what is left of the table's width, less room for the vertical scroll bar
        details.prefWidthProperty().bind(table.widthProperty().subtract(result.widthProperty())
                .subtract(name.widthProperty()).subtract(24));
        table.getColumns().add(details);
        table.setRowFactory(t -> marked(r -> false, CheckRow::failed, CheckRow::warning));
    }

    /** A cell whose text wraps at the column's width; the row grows to fit it. */
    private static final class WrappingCell extends TableCell<CheckRow, String> {
        private final Text text = new Text();

        WrappingCell() {
            text.getStyleClass().add("rollback-wrapped");
            text.wrappingWidthProperty().bind(widthProperty().subtract(12));
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            text.setText(empty || item == null ? "" : item);
            setGraphic(empty ? null : text);
        }
    }

    private static <T> TableRow<T> marked(Predicate<T> trust, Predicate<T> failed, Predicate<T> warning) {
        return new TableRow<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(TRUST, !empty && item != null && trust.test(item));
                pseudoClassStateChanged(FAILED, !empty && item != null && failed.test(item));
                pseudoClassStateChanged(WARNING, !empty && item != null && warning.test(item));
            }
        };
    }

    /** "revision 1 · image · mode · created ...". */
    private final class RevisionCell extends ListCell<Revision> {
        @Override
        protected void updateItem(Revision r, boolean empty) {
            super.updateItem(r, empty);
            setText(empty || r == null ? null : "revision " + r.number() + " \u00b7 " + String.join(", ", r.images())
                    + (r.executionMode().isEmpty() ? "" : " \u00b7 " + r.executionMode()) + " \u00b7 created "
                    + time.format(r.createdAt()));
        }
    }

    @FXML
    private void onRefresh() {
        model.load();
    }

    @FXML
    private void onNext() {
        switch (model.stepProperty().get()) {
            case WORKLOAD -> model.chooseWorkload();
            case TARGET -> model.runPreflight();
            case PREFLIGHT -> model.toConfirm();
            default -> {
            }
        }
    }

    @FXML
    private void onBack() {
        model.back();
    }

    @FXML
    private void onNew() {
        model.restart();
    }

    @FXML
    private void onExecute() {
        model.execute();
    }

    @FXML
    private void onGoForward() {
        model.goForward();
    }

    @FXML
    private void onStay() {
        model.stay();
    }

    @FXML
    private void onReplay() {
        model.replayWindow();
    }
}
