package dev.pitwall.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Stands in for a screen that has nothing to show yet, and says so plainly instead of looking broken. */
public final class PlaceholderPane extends VBox {

    public PlaceholderPane(Screen screen, String reason) {
        super(8);
        setAlignment(Pos.CENTER);
        getStyleClass().add("placeholder");
        Label title = new Label(screen.title());
        title.getStyleClass().add("placeholder-title");
        Label description = new Label(screen.description());
        description.getStyleClass().add("placeholder-description");
        Label why = new Label(reason);
        why.getStyleClass().add("placeholder-reason");
        why.setWrapText(true);
        getChildren().addAll(title, description, why);
        setAccessibleText(screen.title() + ": " + reason);
    }
}
