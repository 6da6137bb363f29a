package dev.pitwall.ui.shell;

import dev.pitwall.model.BackendKind;
import dev.pitwall.model.BackendStatus;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.EnumMap;
import java.util.Map;

/** State of the console shell: title, current screen, theme, back-end statuses, a message line. FX thread only. */
public final class ShellViewModel {

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.FLEET);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final BooleanProperty readOnly = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final Map<BackendKind, ReadOnlyObjectWrapper<BackendStatus>> statuses = new EnumMap<>(BackendKind.class);

    public ShellViewModel(String profileName, boolean readOnly) {
        title.set("Pitwall \u2014 " + profileName);
        this.readOnly.set(readOnly);
        for (BackendKind kind : BackendKind.values()) {
            statuses.put(kind, new ReadOnlyObjectWrapper<>(BackendStatus.notConfigured(kind)));
        }
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public boolean isReadOnly() {
        return readOnly.get();
    }

    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void showMessage(String text) {
        message.set(text == null ? "" : text);
    }

    public ReadOnlyObjectProperty<BackendStatus> statusProperty(BackendKind kind) {
        return statuses.get(kind).getReadOnlyProperty();
    }

    public void updateStatus(BackendStatus status) {
        statuses.get(status.kind()).set(status);
    }

    private Runnable editProfileAction = () -> { };

    /** What "Profiles…" does; set by the app, which owns the profile store. */
    public void setEditProfileAction(Runnable action) {
        editProfileAction = action;
    }

    public void editProfile() {
        editProfileAction.run();
    }

    public void select(Screen s) {
        screen.set(s);
    }
}
