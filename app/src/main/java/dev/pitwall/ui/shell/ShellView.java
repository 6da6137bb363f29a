package dev.pitwall.ui.shell;

import dev.pitwall.model.Alert;
import dev.pitwall.model.BackendKind;
import javafx.fxml.FXML;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
    @FXML private Button alertsButton;
    private ContextMenu alertsMenu;

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
    private void onAlerts() {
        if (alertsMenu == null) {
            ListView<Alert> list = new ListView<>(model.alerts());
            list.setId("alerts-list");
            list.setPrefSize(720, 360);
            list.setCellFactory(l -> new AlertCell(zone));
            list.setPlaceholder(new Label(ShellViewModel.NO_ALERTS));
            list.setAccessibleText("Active alerts");
            CustomMenuItem item = new CustomMenuItem(list, false);
            alertsMenu = new ContextMenu(item);
            alertsMenu.getStyleClass().add("alerts-menu");
        }
        alertsMenu.show(alertsButton, Side.BOTTOM, 0, 0);
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

        alertsButton.textProperty().bind(model.alertSummaryProperty());
        alertsButton.accessibleTextProperty().bind(model.alertSummaryProperty().map(t -> "Alerts: " + t));
        showAlertLevel(model.alertLevelProperty().get());
        model.alertLevelProperty().addListener((obs, old, level) -> showAlertLevel(level));
    }

    private void showAlertLevel(Alert.Severity level) {
        alertsButton.getStyleClass().removeAll("alerts-critical", "alerts-warning", "alerts-none");
        alertsButton.getStyleClass().add(level == null ? "alerts-none"
                : level == Alert.Severity.CRITICAL ? "alerts-critical" : "alerts-warning");
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

    /** One alert in the list: icon and severity in words, subject, message, since when. */
    private static final class AlertCell extends ListCell<Alert> {
        private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");
        private final ZoneId zone;

        AlertCell(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        protected void updateItem(Alert a, boolean empty) {
            super.updateItem(a, empty);
            getStyleClass().removeAll("status-danger", "status-warning");
            if (empty || a == null) {
                setText(null);
                return;
            }
            boolean critical = a.severity() == Alert.Severity.CRITICAL;
            getStyleClass().add(critical ? "status-danger" : "status-warning");
            setText((critical ? "\u2716 CRITICAL  " : "\u26A0 WARNING  ") + a.subject() + ": " + a.message()
                    + (a.raisedAt() == null ? "" : "  (since " + HMS.format(a.raisedAt().atZone(zone)) + ")"));
        }
    }
}
