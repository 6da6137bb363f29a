package dev.pitwall.ui.shell;

import dev.pitwall.model.BackendStatus;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

import java.time.ZoneId;

/** One back-end in the status bar: icon, name and state; the reason on hover. */
public final class BackendIndicator extends Label {

    private final Tooltip tooltip = new Tooltip();
    private final ZoneId zone;

    public BackendIndicator(ObservableValue<BackendStatus> status, ZoneId zone) {
        this.zone = zone;
        getStyleClass().add("backend-indicator");
        tooltip.setShowDelay(Duration.millis(200));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(480);
        setTooltip(tooltip);
        show(status.getValue());
        status.addListener((obs, old, now) -> show(now));
    }

    private void show(BackendStatus s) {
        getStyleClass().removeAll("status-ok", "status-off", "status-warning", "status-danger");
        getStyleClass().add(BackendIndicatorText.styleClass(s));
        setText(BackendIndicatorText.icon(s) + " " + BackendIndicatorText.text(s, zone));
        tooltip.setText(BackendIndicatorText.detail(s, zone));
        setAccessibleText(BackendIndicatorText.text(s, zone) + ". " + BackendIndicatorText.detail(s, zone));
        setId("status-" + s.kind().name().toLowerCase());
    }
}
