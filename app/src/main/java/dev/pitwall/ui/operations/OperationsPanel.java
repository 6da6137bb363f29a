package dev.pitwall.ui.operations;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Operations panel: one row per long operation with progress, rate, ETA and cancel. Collapsed when idle. */
public final class OperationsPanel extends TitledPane {

    public OperationsPanel(OperationsViewModel model) {
        getStyleClass().add("operations-panel");
        setId("operations");
        ListView<OperationEntry> list = new ListView<>(model.entries());
        list.setPrefHeight(140);
        list.setPlaceholder(new Label("No operations running. Replays, rollouts and smoke tests appear here."));
        list.setCellFactory(v -> new EntryCell());
        Button clear = new Button("Clear finished");
        clear.setOnAction(e -> model.clearFinished());
        clear.setAccessibleText("Clear finished operations");
        HBox tools = new HBox(clear);
        tools.setAlignment(Pos.CENTER_RIGHT);
        setContent(new VBox(6, list, tools));
        textProperty().bind(model.runningCount().asString("Operations (%d running)"));
        setExpanded(false);
        model.entries().addListener((javafx.collections.ListChangeListener<OperationEntry>) c -> {
            while (c.next()) {
                if (c.wasAdded()) {
                    setExpanded(true);
                }
            }
        });
    }

    private static final class EntryCell extends ListCell<OperationEntry> {
        @Override
        protected void updateItem(OperationEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null) {
                setGraphic(null);
                return;
            }
            Label title = new Label();
            title.textProperty().bind(entry.task().titleProperty());
            title.getStyleClass().add("operation-title");
            Label message = new Label();
            message.textProperty().bind(entry.task().messageProperty());
            ProgressBar bar = new ProgressBar();
            bar.progressProperty().bind(entry.task().progressProperty());
            bar.setPrefWidth(180);
            Label figures = new Label();
            figures.textProperty().bind(entry.figuresProperty());
            figures.getStyleClass().add("operation-figures");
            Label state = new Label();
            state.textProperty().bind(entry.stateProperty());
            Button cancel = new Button("Cancel");
            cancel.setAccessibleText("Cancel " + entry.task().getTitle());
            cancel.disableProperty().bind(entry.task().runningProperty().not());
            cancel.setOnAction(e -> entry.cancel());
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox row = new HBox(12, title, bar, figures, state, message, spacer);
            if (entry.task() instanceof Pausable pausable) {
                Button pause = new Button(pausable.isPaused() ? "Resume" : "Pause");
                pause.setAccessibleText("Pause or resume " + entry.task().getTitle());
                pause.disableProperty().bind(entry.task().runningProperty().not());
                pause.setOnAction(e -> {
                    if (pausable.isPaused()) {
                        pausable.resume();
                    } else {
                        pausable.pause();
                    }
                    pause.setText(pausable.isPaused() ? "Resume" : "Pause");
                });
                row.getChildren().add(pause);
            }
            row.getChildren().add(cancel);
            row.setAlignment(Pos.CENTER_LEFT);
            setGraphic(row);
        }
    }
}
