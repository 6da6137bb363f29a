package dev.pitwall.ui.fleet;

import dev.pitwall.model.KubeEvent;
import dev.pitwall.model.Worker;
import dev.pitwall.ops.fleet.EnvVar;
import dev.pitwall.ops.fleet.FleetEngine;
import dev.pitwall.ops.fleet.PodDetail;
import dev.pitwall.ops.fleet.VolumeSample;
import dev.pitwall.ui.common.Fx;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The detail pane of the selected pod: its Events, its env (secrets masked by the engine before anything reaches
 * the screen), what is unknown about it and why, and its cache volume over time. Fetched from the engine when the
 * selection changes and again whenever the pod's row changes.
 */
public final class WorkerDetailViewModel {

    private final FleetEngine engine;
    private final ZoneId zone;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Select a worker to see its details");
    private final ObservableList<KubeEvent> events = FXCollections.observableArrayList();
    private final ObservableList<EnvVar> env = FXCollections.observableArrayList();
    private final ObservableList<String> unknowns = FXCollections.observableArrayList();
    private final ObservableList<VolumeSample> volume = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper capacity = new ReadOnlyLongWrapper();
    private String key;
    private Worker shown;

    WorkerDetailViewModel(FleetEngine engine, ZoneId zone) {
        this.engine = engine;
        this.zone = zone;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ObservableList<KubeEvent> events() {
        return events;
    }

    public ObservableList<EnvVar> env() {
        return env;
    }

    public ObservableList<String> unknowns() {
        return unknowns;
    }

    public ObservableList<VolumeSample> volume() {
        return volume;
    }

    public ReadOnlyLongProperty capacityProperty() {
        return capacity.getReadOnlyProperty();
    }

    public ZoneId zone() {
        return zone;
    }

    void show(FleetRow row) {
        key = row == null ? null : row.key();
        shown = null;
        if (row == null) {
            title.set("Select a worker to see its details");
            events.clear();
            env.clear();
            unknowns.clear();
            volume.clear();
            return;
        }
        fetch();
    }

    /** The selected pod's row after an apply: fetch again when the worker changed. */
    void rowUpdated(FleetRow selected) {
        if (selected != null && selected.key().equals(key) && selected.worker() != shown) {
            fetch();
        }
    }

    private void fetch() {
        String wanted = key;
        engine.detail(wanted).thenAccept(d -> Fx.run(() -> {
            if (wanted.equals(key)) {
                apply(d);
            }
        }));
    }

    private void apply(Optional<PodDetail> found) {
        if (found.isEmpty()) {
            title.set(key + " is gone");
            return;
        }
        PodDetail d = found.get();
        shown = d.worker();
        title.set(d.worker().key() + (d.worker().node() == null ? "" : " on " + d.worker().node()));
        events.setAll(d.events());
        env.setAll(d.env());
        unknowns.setAll(d.worker().unknowns().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .toList());
        capacity.set(d.volumeCapacityBytes());
        List<VolumeSample> history = d.volumeHistory();
        if (!history.equals(volume)) {
            volume.setAll(history);
        }
    }
}
