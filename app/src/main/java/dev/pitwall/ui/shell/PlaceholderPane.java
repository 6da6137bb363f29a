package dev.pitwall.ui.shell;

import dev.pitwall.ops.connect.Redaction;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Stands in for a screen that has nothing to show yet, and says so plainly instead of looking broken. */
public final class PlaceholderPane extends VBox {

    /** @param reason shown as given, but for URL passwords and secret values (it often quotes a failure) */
    public PlaceholderPane(Screen screen, String failureOrReason) {
        super(8);
        String reason = Redaction.text(failureOrReason);
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
