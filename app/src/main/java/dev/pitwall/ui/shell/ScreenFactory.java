package dev.pitwall.ui.shell;

import javafx.scene.Node;

/** Builds the content of a screen when it is first shown; the app decides which screens exist. */
@FunctionalInterface
public interface ScreenFactory {

    Node create(Screen screen);
}
