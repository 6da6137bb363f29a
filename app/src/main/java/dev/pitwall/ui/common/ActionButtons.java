package dev.pitwall.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;

/** Binds a write action's button to what a screen's {@link WriteAccess} allows. */
public final class ActionButtons {

    private ActionButtons() {
    }

    /**
     * Disables {@code button} when the connection is read-only (its tooltip then says why) or when {@code off} holds.
     */
    public static void bind(Button button, WriteAccess access, ObservableBooleanValue off) {
        button.disableProperty().bind(access.readOnlyProperty().isNotEmpty().or(off));
        explain(button, access.readOnlyProperty());
    }

    /** Disables {@code button} while {@code why} is set (not null, not empty), with {@code why} as its tooltip. */
    public static void bindReason(Button button, ObservableStringValue why) {
        button.disableProperty().bind(Bindings.createBooleanBinding(() -> !blank(why.get()), why));
        explain(button, why);
    }

    private static void explain(Button button, ObservableStringValue why) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> blank(why.get()) ? "" : "Disabled: " + why.get(),
                why));
        button.tooltipProperty().bind(Bindings.createObjectBinding(() -> blank(why.get()) ? null : tip, why));
    }

    private static boolean blank(String text) {
        return text == null || text.isEmpty();
    }
}
