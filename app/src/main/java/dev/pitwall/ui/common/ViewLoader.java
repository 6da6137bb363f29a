package dev.pitwall.ui.common;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

/**
 * Loads {@code views/<name>.fxml} with a controller made by the caller (constructor injection), so FXML never
 * instantiates controllers by reflection and controllers stay testable.
 */
public final class ViewLoader {

    private ViewLoader() {
    }

    public static Parent load(String viewName, Object controller) {
        URL url = ViewLoader.class.getResource("/views/" + viewName + ".fxml");
        if (url == null) {
            throw new IllegalStateException("view not found on the class path: views/" + viewName + ".fxml");
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setControllerFactory(type -> {
            if (!type.isInstance(controller)) {
                throw new IllegalStateException(viewName + ".fxml asks for " + type.getName()
                        + " but was given " + controller.getClass().getName());
            }
            return controller;
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("views/" + viewName + ".fxml cannot be loaded: " + e.getMessage(), e);
        }
    }
}
