package dev.pitwall.ui.trust;

import dev.pitwall.ops.trust.GroupTrust;
import dev.pitwall.model.ExecutionMode;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/** The fix dialog's FXML controller: binds the ViewModel; the dialog closes itself only on Close. */
public final class TrustFixView {

    private static final PseudoClass DENIED = PseudoClass.getPseudoClass("denied");

    private final TrustFixViewModel model;

    @FXML private Label titleLabel;
    @FXML private Label stateLabel;
    @FXML private ComboBox<ExecutionMode> modeChooser;
    @FXML private TextArea diffArea;
    @FXML private Label accessLabel;
    @FXML private Label confirmPrompt;
    @FXML private TextField confirmField;
    @FXML private Label disabledLabel;
    @FXML private Button applyButton;
    @FXML private Button closeButton;
    @FXML private Label progressLabel;
    @FXML private Label outcomeLabel;

    public TrustFixView(TrustFixViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        GroupTrust g = model.group();
        titleLabel.setText("Set the execution mode of " + g.title() + " (" + g.workload() + ")");
        stateLabel.setText("Expected " + g.expectedText() + "  \u00b7  declared " + g.declaredText()
                + "  \u00b7  effective " + TrustTexts.effective(g));
        modeChooser.getItems().setAll(model.modes());
        modeChooser.valueProperty().bindBidirectional(model.targetProperty());
        modeChooser.disableProperty().bind(model.runningProperty());
        diffArea.textProperty().bind(model.diffProperty());
        accessLabel.textProperty().bind(model.accessProperty());
        accessLabel.textProperty().addListener((obs, old, now) ->
                accessLabel.pseudoClassStateChanged(DENIED, now != null && now.startsWith("\u2716")));
        confirmPrompt.textProperty().bind(javafx.beans.binding.Bindings.concat("Type ", model.confirmationProperty(),
                " to confirm:"));
        confirmField.textProperty().bindBidirectional(model.typedProperty());
        confirmField.disableProperty().bind(model.runningProperty());
        disabledLabel.textProperty().bind(model.disabledReasonProperty());
        applyButton.disableProperty().bind(model.canApplyProperty().not());
        progressLabel.textProperty().bind(model.progressProperty());
        outcomeLabel.textProperty().bind(model.outcomeProperty());
    }

    @FXML
    private void onApply() {
        model.apply();
    }

    @FXML
    private void onClose() {
        Window window = closeButton.getScene().getWindow();
        window.hide();
    }
}
