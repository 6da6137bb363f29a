package dev.pitwall.ui.common;

import dev.pitwall.ops.guard.Confirmer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Optional;

/**
 * What a screen's write actions may do on this connection, as its ViewModel shows it: on a read-only connection
 * why every action is off (the buttons are disabled with it as their tooltip; the guard refuses anyway, should an
 * action be called); on production the text to type before a write ({@code <context>/<namespace>/<workload>}) and
 * what was typed. FX thread.
 */
public final class WriteAccess {

    private final ReadOnlyStringWrapper readOnly = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper confirmation = new ReadOnlyStringWrapper("");
    private final StringProperty typed = new SimpleStringProperty("");

    /** @param readOnly the guard's "read-only connection (...)", when nothing may be written */
    public WriteAccess(Optional<String> readOnly) {
        this.readOnly.set(readOnly.orElse(""));
    }

    public boolean writable() {
        return readOnly.get().isEmpty();
    }

    /** The typed text as the guard's confirmer (asked only where the connection needs a confirmation). */
    public Confirmer confirmer() {
        return Confirmer.typed(typed.get());
    }

    /** The text a production connection asks for before the next write, or empty; what was typed is cleared. */
    public void expect(Optional<String> text) {
        confirmation.set(text.orElse(""));
        typed.set("");
    }

    /** Whether what was typed is what a production connection asks for (always, where it asks nothing). */
    public boolean confirmed() {
        return confirmation.get().isEmpty() || confirmation.get().equals(typed.get().strip());
    }

    /** "" when writes are allowed, else why not. */
    public ReadOnlyStringProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    /** "" when nothing is to be typed, else the text to type. */
    public ReadOnlyStringProperty confirmationProperty() {
        return confirmation.getReadOnlyProperty();
    }

    public StringProperty typedProperty() {
        return typed;
    }
}
