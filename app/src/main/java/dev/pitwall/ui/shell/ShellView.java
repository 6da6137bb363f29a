package dev.pitwall.ui.shell;

import dev.pitwall.model.BackendKind;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

/** The shell's FXML controller: binds the header, navigation, content and status bar to the ShellViewModel. */
public final class ShellView {

    private final ShellViewModel model;
    private final ScreenFactory screens;
    private final Node operationsPanel;
    private final ZoneId zone;
    private final Map<Screen, Node> built = new EnumMap<>(Screen.class);

    @FXML private Label profileLabel;
    @FXML private Label readOnlyBadge;
    @FXML private ComboBox<Theme> themeChooser;
    @FXML private ListView<Screen> navigation;
    @FXML private StackPane content;
    @FXML private StackPane operationsSlot;
    @FXML private HBox indicators;
    @FXML private Label messageLabel;

    public ShellView(ShellViewModel model, ScreenFactory screens, Node operationsPanel, ZoneId zone) {
        this.model = model;
        this.screens = screens;
        this.operationsPanel = operationsPanel;
        this.zone = zone;
    }

    @FXML
    private void onProfiles() {
        model.editProfile();
    }

    @FXML
    private void initialize() {
        profileLabel.textProperty().bind(model.titleProperty().map(t -> t.replaceFirst("^Pitwall \u2014 ", "")));
        readOnlyBadge.visibleProperty().bind(model.readOnlyProperty());
        readOnlyBadge.managedProperty().bind(model.readOnlyProperty());

        themeChooser.getItems().setAll(Theme.values());
        themeChooser.valueProperty().bindBidirectional(model.themeProperty());

        navigation.getItems().setAll(Screen.values());
        navigation.setCellFactory(list -> new NavigationCell());
        navigation.getSelectionModel().select(model.screenProperty().get());
        navigation.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.select(now);
            }
        });
        model.screenProperty().addListener((obs, old, now) -> {
            navigation.getSelectionModel().select(now);
            showScreen(now);
        });
        showScreen(model.screenProperty().get());

        operationsSlot.getChildren().setAll(operationsPanel);
        for (BackendKind kind : BackendKind.values()) {
            indicators.getChildren().add(new BackendIndicator(model.statusProperty(kind), zone));
        }
        messageLabel.textProperty().bind(model.messageProperty());
    }

    private void showScreen(Screen screen) {
        Node node = built.computeIfAbsent(screen, screens::create);
        node.setId("screen-" + screen.id());
        content.getChildren().setAll(node);
    }

    /** Title on the left, its shortcut dimmed on the right. */
    private static final class NavigationCell extends ListCell<Screen> {
        private final Label title = new Label();
        private final Label shortcut = new Label();
        private final HBox row;

        NavigationCell() {
            shortcut.getStyleClass().add("shortcut");
            javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
            HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
            row = new HBox(8, title, spacer, shortcut);
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(Screen item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                setAccessibleText(null);
            } else {
                title.setText(item.title());
                shortcut.setText("Ctrl+" + item.shortcutDigit());
                setText(item.title());
                setGraphic(row);
                setId("nav-" + item.id());
                setAccessibleText(item.title() + ", shortcut Control " + item.shortcutDigit());
            }
        }
    }
}
