package dev.pitwall.ui.trust;

import dev.pitwall.ui.common.Fx;
import dev.pitwall.ui.common.ActionButtons;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The Trust screen's FXML controller: the table of groups (drift rows marked with words and an icon, styled as
 * critical), and the Fix…, Smoke test and Snapshot policy… actions. Binds only; reading happens in the ViewModel.
 */
public final class TrustView {

    private static final PseudoClass DRIFT = PseudoClass.getPseudoClass("drift");
    private static final PseudoClass MISSING = PseudoClass.getPseudoClass("missing");
    private static final ButtonType SAVE = new ButtonType("Save\u2026", ButtonBar.ButtonData.OK_DONE);

    private final TrustViewModel model;

    @FXML private Label summaryLabel;
    @FXML private Label staleLabel;
    @FXML private Label policyLabel;
    @FXML private Label missingLabel;
    @FXML private TableView<TrustRow> trustTable;
    @FXML private Button fixButton;
    @FXML private Button smokeButton;
    @FXML private Label fixReasonLabel;
    @FXML private Label messageLabel;

    public TrustView(TrustViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        summaryLabel.textProperty().bind(model.summaryProperty());
        staleLabel.textProperty().bind(model.staleProperty());
        staleLabel.visibleProperty().bind(model.staleProperty().isNotEmpty());
        policyLabel.textProperty().bind(model.policyTextProperty());
        model.policyMissingProperty().addListener((obs, was, is) -> policyLabel.pseudoClassStateChanged(MISSING, is));
        missingLabel.textProperty().bind(model.missingProperty());
        missingLabel.visibleProperty().bind(model.missingProperty().isNotEmpty());
        missingLabel.managedProperty().bind(missingLabel.visibleProperty());
        messageLabel.textProperty().bind(model.messageProperty());

        trustTable.getColumns().add(column("Status", TrustRow::status, 7, true));
        trustTable.getColumns().add(column("Group", TrustRow::title, 9, false));
        trustTable.getColumns().add(column("Workload", TrustRow::workload, 30, false));
        trustTable.getColumns().add(column("Expected", TrustRow::expected, 14, false));
        trustTable.getColumns().add(column("Declared", TrustRow::declared, 15, false));
        trustTable.getColumns().add(column("Effective", TrustRow::effective, 17, false));
        trustTable.getColumns().add(column("npm in code steps", TrustRow::npm, 10, false));
        trustTable.getColumns().add(column("Drift", TrustRow::drift, 18, false));
        trustTable.getColumns().add(column("Last change", TrustRow::lastChange, 30, false));
        trustTable.getColumns().add(column("Smoke test", TrustRow::smoke, 24, false));
        trustTable.setPlaceholder(new Label("No worker workloads found yet"));
        trustTable.setItems(model.rows());
        trustTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(TrustRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(DRIFT, !empty && row != null && row.drifting());
            }
        });

        var reason = Bindings.createStringBinding(() -> model.whyNoFix(selected()),
                trustTable.getSelectionModel().selectedItemProperty(), model.rows());
        ActionButtons.bindReason(fixButton, reason);
        fixReasonLabel.textProperty().bind(Bindings.createStringBinding(
                () -> reason.get() == null ? "" : "Fix\u2026 is disabled: " + reason.get(), reason));
        smokeButton.disableProperty().bind(trustTable.getSelectionModel().selectedItemProperty().isNull());
    }

    private TrustRow selected() {
        return trustTable.getSelectionModel().getSelectedItem();
    }

    @FXML
    private void onFix() {
        TrustRow row = selected();
        if (row != null && model.whyNoFix(row) == null) {
            TrustFixDialog.open(window(), model.fix(row), trustTable.getScene().getStylesheets());
        }
    }

    @FXML
    private void onSmoke() {
        model.smoke(selected());
    }

    @FXML
    private void onRefresh() {
        model.refreshNow();
    }

    @FXML
    private void onSnapshot() {
        model.snapshot().thenAccept(text -> Fx.run(() -> review(text)));
    }

    /** Shows the snapshot for review (it may be edited), then asks where to save it. */
    private void review(String text) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(window());
        dialog.setTitle("Review the trust policy snapshot");
        dialog.setHeaderText("Today's declared modes as a policy. Review every entry: saving it makes them the "
                + "expected modes, drift included.");
        TextArea area = new TextArea(text);
        area.getStyleClass().add("trust-diff");
        area.setPrefRowCount(24);
        area.setPrefColumnCount(90);
        dialog.getDialogPane().setContent(area);
        dialog.getDialogPane().getButtonTypes().setAll(SAVE, ButtonType.CANCEL);
        dialog.getDialogPane().getStylesheets().setAll(trustTable.getScene().getStylesheets());
        dialog.showAndWait().filter(SAVE::equals).ifPresent(b -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save the trust policy");
            chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("YAML or JSON", "*.yaml", "*.yml",
                    "*.json"));
            String location = model.policyLocation();
            if (location != null) {
                Path path = Path.of(location).toAbsolutePath();
                if (path.getParent() != null && path.getParent().toFile().isDirectory()) {
                    chooser.setInitialDirectory(path.getParent().toFile());
                }
                chooser.setInitialFileName(path.getFileName().toString());
            } else {
                chooser.setInitialFileName("trust-policy.yaml");
            }
            File file = chooser.showSaveDialog(window());
            if (file != null) {
                model.saveSnapshot(file.getPath(), area.getText());
            }
        });
    }

    private Window window() {
        return trustTable.getScene().getWindow();
    }

    /** A column {@code ems} wide in the theme's type size, so that the war-room palette's large type still fits. */
    private TableColumn<TrustRow, String> column(String title, Function<TrustRow, String> value, double ems,
                                                 boolean status) {
        TableColumn<TrustRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        column.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> ems * summaryLabel.getFont().getSize(),
                summaryLabel.fontProperty()));
        if (status) {
            column.setCellFactory(c -> new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                    pseudoClassStateChanged(DRIFT, !empty && !TrustTexts.OK.equals(item));
                }
            });
        }
        return column;
    }
}
