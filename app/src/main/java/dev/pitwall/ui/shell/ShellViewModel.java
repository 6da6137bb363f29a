package dev.pitwall.ui.shell;

import dev.pitwall.model.Alert;
import dev.pitwall.model.BackendKind;
import dev.pitwall.model.BackendStatus;
import dev.pitwall.ops.connect.Redaction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** State of the console shell: title, current screen, theme, back-end statuses, a message line. FX thread only. */
public final class ShellViewModel {

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.FLEET);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final BooleanProperty readOnly = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final Map<BackendKind, ReadOnlyObjectWrapper<BackendStatus>> statuses = new EnumMap<>(BackendKind.class);
    private final ObservableList<Alert> alerts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper alertSummary = new ReadOnlyStringWrapper(NO_ALERTS);
    private final ReadOnlyObjectWrapper<Alert.Severity> alertLevel = new ReadOnlyObjectWrapper<>();

    static final String NO_ALERTS = "\u2714 No alerts";

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
        // the message line quotes failures, whose text may carry a URL
        message.set(text == null ? "" : Redaction.text(text));
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

    /** The active alerts, critical first (from the AlertCenter, applied once per frame). */
    public ObservableList<Alert> alerts() {
        return FXCollections.unmodifiableObservableList(alerts);
    }

    /** "✖ 2 critical  ⚠ 3 warnings", or "✔ No alerts": the badge in the header. */
    public ReadOnlyStringProperty alertSummaryProperty() {
        return alertSummary.getReadOnlyProperty();
    }

    /** The worst active severity, or null without alerts. */
    public ReadOnlyObjectProperty<Alert.Severity> alertLevelProperty() {
        return alertLevel.getReadOnlyProperty();
    }

    public void updateAlerts(List<Alert> active) {
        alerts.setAll(active);
        long critical = active.stream().filter(a -> a.severity() == Alert.Severity.CRITICAL).count();
        long warnings = active.size() - critical;
        List<String> parts = new ArrayList<>();
        if (critical > 0) {
            parts.add("\u2716 " + critical + " critical");
        }
        if (warnings > 0) {
            parts.add("\u26A0 " + warnings + (warnings == 1 ? " warning" : " warnings"));
        }
        alertSummary.set(parts.isEmpty() ? NO_ALERTS : String.join("  ", parts));
        alertLevel.set(critical > 0 ? Alert.Severity.CRITICAL : warnings > 0 ? Alert.Severity.WARNING : null);
    }
}
