package dev.pitwall.ui.profile;

import dev.pitwall.ui.common.ViewLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;

/** The profile editor in its own modal window; it closes itself once the profile is saved. */
public final class ProfileEditorDialog {

    private ProfileEditorDialog() {
    }

    public static Stage open(Window owner, ProfileEditorViewModel model, List<String> stylesheets) {
        Parent root = ViewLoader.load("profile-editor", new ProfileEditorView(model));
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Connection profile");
        Scene scene = new Scene(root);
        scene.getStylesheets().setAll(stylesheets);
        stage.setScene(scene);
        model.savedProperty().addListener((obs, was, is) -> {
            if (is) {
                stage.close();
            }
        });
        stage.show();
        return stage;
    }
}
