package dev.pitwall.ui.fleet;

import dev.pitwall.model.KubeEvent;
import dev.pitwall.model.NamespaceSummary;
import dev.pitwall.ops.fleet.FeedStatus;
import dev.pitwall.ops.fleet.FleetFeed;
import dev.pitwall.ops.fleet.FleetSnapshot;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.util.List;

/** The Namespaces view's state: one row per namespace, and the recent Events of the selected one. FX thread only. */
public final class NamespacesViewModel {

    private final ZoneId zone;
    private final ObservableList<NamespaceRow> rows = FXCollections.observableArrayList();
    private final ObservableList<KubeEvent> events = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper failedRunsNote = new ReadOnlyStringWrapper("");
    private List<NamespaceSummary> shown;
    private String selected;

    NamespacesViewModel(ZoneId zone) {
        this.zone = zone;
    }

    public ObservableList<NamespaceRow> rows() {
        return rows;
    }

    /** The recent Events of the selected namespace, newest first. */
    public ObservableList<KubeEvent> events() {
        return events;
    }

    /** "Failed runs stale since 03:04:05" when the platform dropped after answering, else empty. */
    public ReadOnlyStringProperty failedRunsNoteProperty() {
        return failedRunsNote.getReadOnlyProperty();
    }

    public void select(NamespaceRow row) {
        selected = row == null ? null : row.name();
        events.setAll(row == null ? List.of() : row.summary().recentEvents());
    }

    void apply(FleetSnapshot s) {
        FeedStatus runs = s.feed(FleetFeed.FAILED_RUNS);
        failedRunsNote.set(runs == null || runs.staleSince() == null ? "" : "\u26A0 Failed runs stale since "
                + FleetViewModel.HMS.format(runs.staleSince().atZone(zone)) + " (" + runs.reason() + ")");
        if (s.namespaces() == shown) {
            return;
        }
        shown = s.namespaces();
        rows.setAll(shown.stream().map(n -> NamespaceRow.of(n, zone)).toList());
        rows.stream().filter(r -> r.name().equals(selected)).findFirst()
                .ifPresent(r -> events.setAll(r.summary().recentEvents()));
    }
}
