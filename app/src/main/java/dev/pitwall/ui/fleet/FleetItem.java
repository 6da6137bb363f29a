package dev.pitwall.ui.fleet;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One pod's line in the Fleet table, the same object for as long as the pod exists. Its content changes through a
 * property (the cells of a visible line follow it), so that a changed pod costs the FX thread one property update
 * and an invisible one nothing: the table's list itself changes only when lines come, go or move.
 */
public final class FleetItem {

    private final String key;
    private final ReadOnlyObjectWrapper<FleetRow> row = new ReadOnlyObjectWrapper<>();
    /** The newest content, as the arranger (one background task) knows it; the property follows on the FX thread. */
    FleetRow latest;

    FleetItem(FleetRow first) {
        this.key = first.key();
        this.latest = first;
    }

    public String key() {
        return key;
    }

    /** The content shown (FX thread). */
    public ReadOnlyObjectProperty<FleetRow> rowProperty() {
        return row.getReadOnlyProperty();
    }

    public FleetRow row() {
        return row.get();
    }

    void show(FleetRow content) {
        row.set(content);
    }

    @Override
    public String toString() {
        return key;
    }
}
