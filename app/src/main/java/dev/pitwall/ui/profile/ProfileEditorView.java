package dev.pitwall.ui.profile;

import dev.pitwall.ops.connect.ProbeResult;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;

/** FXML controller of the profile editor: binds the form to its ViewModel. */
public final class ProfileEditorView {

    private final ProfileEditorViewModel model;

    @FXML private TextField nameField;
    @FXML private TextField kubeconfigField;
    @FXML private ComboBox<String> contextField;
    @FXML private TextField namespaceSelectorField;
    @FXML private TextField workerSelectorField;
    @FXML private TextField redisUrlField;
    @FXML private TextField redisPasswordEnvField;
    @FXML private TextField platformUrlField;
    @FXML private TextField platformKeyEnvField;
    @FXML private TextField trustPolicyField;
    @FXML private TextField namespacesField;
    @FXML private TextField queueNamesField;
    @FXML private CheckBox readOnlyBox;
    @FXML private CheckBox productionBox;
    @FXML private TextField productionContextsField;
    @FXML private Label problemLabel;
    @FXML private ListView<ProbeResult> resultsList;
    @FXML private Label busyLabel;
    @FXML private Button validateButton;
    @FXML private Button saveAnywayButton;
    @FXML private Button saveButton;

    public ProfileEditorView(ProfileEditorViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        nameField.textProperty().bindBidirectional(model.name);
        kubeconfigField.textProperty().bindBidirectional(model.kubeconfig);
        contextField.setItems(model.contexts());
        contextField.getEditor().textProperty().bindBidirectional(model.kubeContext);
        namespaceSelectorField.textProperty().bindBidirectional(model.namespaceSelector);
        workerSelectorField.textProperty().bindBidirectional(model.workerSelector);
        redisUrlField.textProperty().bindBidirectional(model.redisUrl);
        redisPasswordEnvField.textProperty().bindBidirectional(model.redisPasswordEnv);
        platformUrlField.textProperty().bindBidirectional(model.platformUrl);
        platformKeyEnvField.textProperty().bindBidirectional(model.platformKeyEnv);
        trustPolicyField.textProperty().bindBidirectional(model.trustPolicy);
        namespacesField.textProperty().bindBidirectional(model.namespaces);
        queueNamesField.textProperty().bindBidirectional(model.queueNames);
        readOnlyBox.selectedProperty().bindBidirectional(model.readOnly);
        productionBox.selectedProperty().bindBidirectional(model.production);
        productionContextsField.textProperty().bindBidirectional(model.productionContexts);
        problemLabel.textProperty().bind(model.problemProperty());
        resultsList.setItems(model.results());
        resultsList.setPlaceholder(new Label("Validate to check the kube context, Redis and the platform."));
        resultsList.setCellFactory(v -> new ResultCell());
        busyLabel.visibleProperty().bind(model.busyProperty());
        validateButton.disableProperty().bind(model.busyProperty());
        saveButton.disableProperty().bind(model.busyProperty());
        saveAnywayButton.visibleProperty().bind(model.needsConfirmationProperty());
        saveAnywayButton.managedProperty().bind(model.needsConfirmationProperty());
        kubeconfigField.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                model.loadContexts();
            }
        });
        model.loadContexts();
    }

    @FXML
    private void onValidate() {
        model.validate();
    }

    @FXML
    private void onSave() {
        model.save();
    }

    @FXML
    private void onSaveAnyway() {
        model.saveAnyway();
    }

    private static final class ResultCell extends ListCell<ProbeResult> {
        @Override
        protected void updateItem(ProbeResult r, boolean empty) {
            super.updateItem(r, empty);
            getStyleClass().removeAll("status-ok", "status-danger");
            if (empty || r == null) {
                setText(null);
                return;
            }
            getStyleClass().add(r.ok() ? "status-ok" : "status-danger");
            setText((r.ok() ? "\u2714 " : "\u2716 ") + r.kind().displayName() + ": " + r.message());
        }
    }
}
