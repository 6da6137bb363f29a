package dev.pitwall.ui.fleet;

import dev.pitwall.model.Worker;
import dev.pitwall.ops.fleet.FleetFormats;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

import java.time.Instant;

/**
 * One cell of the Fleet table: the row's precomputed text, "unknown" with the reason on hover, status by icon and
 * text (the style class only adds colour), and "stale since" when the column's feed dropped. Heartbeat cells redraw
 * their age when time moves on, through a weak listener: cells come and go with scrolling and must not leak.
 */
final class FleetCell extends TableCell<FleetItem, FleetRow> {

    private static final String[] STATES = {"cell-unknown", "cell-stale", "cell-danger", "cell-warning"};

    private final FleetColumn column;
    private final FleetViewModel model;
    private final InvalidationListener timeMoved = o -> show(getItem(), isEmpty());
    private Tooltip tooltip;

    FleetCell(FleetColumn column, FleetViewModel model) {
        this.column = column;
        this.model = model;
        getStyleClass().add("fleet-cell");
        if (column == FleetColumn.HEARTBEAT) {
            model.nowProperty().addListener(new WeakInvalidationListener(timeMoved));
        }
    }

    @Override
    protected void updateItem(FleetRow row, boolean empty) {
        super.updateItem(row, empty);
        show(row, empty);
    }

    private void show(FleetRow row, boolean empty) {
        if (empty || row == null) {
            state(null);
            setText(null);
            setTooltip(null);
            return;
        }
        String text = column == FleetColumn.HEARTBEAT ? heartbeat(row.worker()) : row.text(column);
        String hint = column == FleetColumn.UNKNOWNS ? String.join("\n", row.worker().unknowns().entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).toList()) : column.unknownReason(row.worker());
        String state = FleetRow.UNKNOWN.equals(text) ? "cell-unknown" : text.startsWith("\u2716") ? "cell-danger"
                : text.startsWith("\u26A0") ? "cell-warning" : null;
        String stale = model.staleText(column.feed());
        if (stale != null) {
            state = "cell-stale";
            text = text + (text.isEmpty() ? "" : "  ") + "\u26A0 " + stale;
            hint = stale + ": " + model.staleFeedsProperty().get().get(column.feed()).reason();
        }
        state(state);
        setText(text);
        setHint(hint == null || hint.isEmpty() ? null : hint);
    }

    /** Sets the one state class; untouched when it is already right (a style change costs a CSS pass). */
    private void state(String wanted) {
        var classes = getStyleClass();
        for (String s : STATES) {
            if (!s.equals(wanted) && classes.contains(s)) {
                classes.remove(s);
            }
        }
        if (wanted != null && !classes.contains(wanted)) {
            classes.add(wanted);
        }
    }

    private String heartbeat(Worker w) {
        Instant now = model.nowProperty().get();
        if (w.heartbeatAt() == null || now == null) {
            return w.unknown(Worker.HEARTBEAT) != null ? FleetRow.UNKNOWN : "";
        }
        String age = FleetFormats.age(w.heartbeatAge(now));
        return w.isOffline(now) ? "\u26A0 offline, " + age : age + " ago";
    }

    private void setHint(String text) {
        if (text == null) {
            setTooltip(null);
            return;
        }
        if (tooltip == null) {
            tooltip = new Tooltip();
            tooltip.setShowDelay(Duration.millis(300));
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(520);
        }
        tooltip.setText(text);
        setTooltip(tooltip);
    }
}
