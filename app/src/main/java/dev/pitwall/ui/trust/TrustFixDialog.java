package dev.pitwall.ui.trust;

import dev.pitwall.ui.common.ViewLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;

/** The fix dialog in its own modal window. Closing it does not stop a rollout being followed (Operations does). */
public final class TrustFixDialog {

    private TrustFixDialog() {
    }

    public static Stage open(Window owner, TrustFixViewModel model, List<String> stylesheets) {
        Parent root = ViewLoader.load("trust-fix", new TrustFixView(model));
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Fix the execution mode of " + model.group().title());
        Scene scene = new Scene(root);
        scene.getStylesheets().setAll(stylesheets);
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
