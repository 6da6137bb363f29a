package dev.pitwall.ui.queues;

import dev.pitwall.ops.queues.QueueRow;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One queue in the table. The item stays while the queue exists and only its row changes, so a refresh updates the
 * visible cells in place: the selection, the scroll position and the sort order survive.
 */
public final class QueueItem {

    private final String name;
    private final ReadOnlyObjectWrapper<QueueRow> row;

    QueueItem(QueueRow row) {
        this.name = row.name();
        this.row = new ReadOnlyObjectWrapper<>(row);
    }

    public String name() {
        return name;
    }

    public ReadOnlyObjectProperty<QueueRow> rowProperty() {
        return row.getReadOnlyProperty();
    }

    public QueueRow row() {
        return row.get();
    }

    void update(QueueRow next) {
        row.set(next);
    }

    @Override
    public String toString() {
        return name;
    }
}
