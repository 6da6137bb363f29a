package dev.pitwall.ui.shell;

import dev.pitwall.ui.common.ViewLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Puts the shell into a scene: stylesheets from the theme, Ctrl+1..7 for the screens, the title from the profile. */
public final class ConsoleWindow {

    private static final KeyCode[] DIGITS = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4,
            KeyCode.DIGIT5, KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
    /** The app icon (drawn by installers/IconGenerator.java) in the sizes title bars and task bars pick from. */
    private static final int[] ICON_SIZES = {16, 24, 32, 48, 64, 128, 256};

    private final ShellViewModel model;
    private final Scene scene;

    public ConsoleWindow(ShellViewModel model, ScreenFactory screens, Parent operationsPanel, ZoneId zone,
                         double width, double height) {
        this(model, ViewLoader.load("shell", new ShellView(model, screens, operationsPanel, zone)), width, height);
        for (Screen s : Screen.values()) {
            scene.getAccelerators().put(
                    new KeyCodeCombination(DIGITS[s.ordinal()], KeyCombination.SHORTCUT_DOWN), () -> model.select(s));
        }
    }

    /** A window showing one screen alone, without the shell: the war-room board on a shared screen. */
    public ConsoleWindow(ShellViewModel model, Parent root, double width, double height) {
        this.model = model;
        scene = new Scene(root, width, height);
        applyTheme(model.themeProperty().get());
        model.themeProperty().addListener((obs, old, now) -> applyTheme(now));
    }

    public Scene scene() {
        return scene;
    }

    public void showIn(Stage stage) {
        stage.titleProperty().bind(model.titleProperty());
        stage.setScene(scene);
        stage.getIcons().setAll(icons());
        stage.show();
    }

    private static List<Image> icons() {
        List<Image> icons = new ArrayList<>();
        for (int size : ICON_SIZES) {
            try (InputStream png = ConsoleWindow.class.getResourceAsStream("/icons/pitwall-" + size + ".png")) {
                if (png != null) {
                    icons.add(new Image(png));
                }
            } catch (IOException e) {
                // a missing icon size only leaves the window with the others
            }
        }
        return icons;
    }

    private void applyTheme(Theme theme) {
        if (theme != null) {
            scene.getStylesheets().setAll(theme.stylesheets());
        }
    }
}
