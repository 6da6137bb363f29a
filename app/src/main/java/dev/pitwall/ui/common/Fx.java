package dev.pitwall.ui.common;

import javafx.application.Platform;

/** Hands work to the FX thread; runs it at once when already there. */
public final class Fx {

    private Fx() {
    }

    public static void run(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
