package dev.pitwall.ui.fleet;

import dev.pitwall.model.Worker;
import dev.pitwall.ops.exec.BackgroundExecutor;
import dev.pitwall.ops.exec.CoalescingTask;
import dev.pitwall.ops.fleet.FeedStatus;
import dev.pitwall.ops.fleet.FleetEngine;
import dev.pitwall.ops.fleet.FleetFeed;
import dev.pitwall.ops.fleet.FleetSnapshot;
import dev.pitwall.ui.common.FrameCoalescer;
import dev.pitwall.ui.common.ListSync;
import dev.pitwall.ui.fleet.RowArranger.Arranged;
import dev.pitwall.ui.fleet.RowArranger.SortKey;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Fleet view's state. Snapshots from the engine are filtered and sorted on the background executor
 * ({@link RowArranger}); the finished list is applied on the FX thread at most once per frame, in one step, so that
 * 500 updates a second and 100,000 rows cost the FX thread a list swap per frame and nothing per row.
 */
public final class FleetViewModel {

    static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private record Applied(FleetSnapshot snapshot, Arranged arranged) {
    }

    private final ZoneId zone;
    private final RowArranger arranger = new RowArranger();
    private final CoalescingTask arrangeTask;
    private final FrameCoalescer<Applied> toFx = new FrameCoalescer<>(this::apply);
    private final ObservableList<FleetItem> items = FXCollections.observableArrayList();
    /** New content of lines, arranged but not yet shown (the frame coalescer may skip an arrangement). */
    private final Map<FleetItem, FleetRow> unshown = new HashMap<>();
    /** The arranged list the items were last brought in line with (FX thread). */
    private List<FleetItem> lastArranged;
    private final ObservableList<String> notices = FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<FleetSnapshot> applied = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Map<FleetFeed, FeedStatus>> staleFeeds =
            new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("waiting for the cluster\u2026");
    private final ReadOnlyStringWrapper staleBanner = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper selectedIndex = new ReadOnlyIntegerWrapper(-1);
    private final WorkerDetailViewModel detail;
    private final NamespacesViewModel namespaces;

    // inputs of the background arrangement: the engine's changes not yet arranged, and the newest snapshot whose
    // changes are all among them (guarded by the lock); the filter and sort order set on the FX thread
    private final Object pendingLock = new Object();
    private final Map<String, Worker> pendingChanged = new HashMap<>();
    private final Set<String> pendingRemoved = new HashSet<>();
    private FleetSnapshot queued;
    private volatile String filterText = "";
    private volatile List<SortKey> sort = List.of();
    private volatile String selectedKey;

    public FleetViewModel(FleetEngine engine, BackgroundExecutor executor, ZoneId zone) {
        this.zone = zone;
        this.detail = new WorkerDetailViewModel(engine, zone);
        this.namespaces = new NamespacesViewModel(zone);
        this.arrangeTask = new CoalescingTask(executor, this::arrange);
        filter.addListener((obs, old, text) -> {
            filterText = text == null ? "" : text;
            arrangeTask.request();
        });
        engine.addListener(snapshot -> {
            queue(snapshot, snapshot.changed(), snapshot.removed());
            arrangeTask.request();
        });
        // the engine may have published before this view existed: start from its latest snapshot (read after the
        // listener is in, so it is at least as new as anything the listener has queued)
        FleetSnapshot start = engine.latest();
        queue(start, start.workers(), Set.of());
        arrangeTask.request();
    }

    /**
     * The lines as shown: filtered and sorted, updated at most once per frame. A line is the same object while its pod
     * exists; its content is its {@link FleetItem#rowProperty()}.
     */
    public ObservableList<FleetItem> items() {
        return items;
    }

    /** Matches rows that contain every word typed, in any column or unknown reason. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** Sorts by these columns (the table's sort order); empty means namespace, then pod. */
    public void sortBy(List<SortKey> keys) {
        sort = List.copyOf(keys);
        arrangeTask.request();
    }

    /** The pod the detail pane shows; follows it through re-sorts and updates. */
    public void select(FleetItem item) {
        selectedKey = item == null ? null : item.key();
        detail.show(item == null ? null : item.row());
    }

    /** Where the selected pod is in {@link #items()} after the last apply, -1 when not shown. */
    public ReadOnlyIntegerProperty selectedIndexProperty() {
        return selectedIndex.getReadOnlyProperty();
    }

    /** The snapshot the rows come from; changes with every apply. */
    public ReadOnlyObjectProperty<FleetSnapshot> appliedProperty() {
        return applied.getReadOnlyProperty();
    }

    /** The time of the applied snapshot: heartbeat ages are measured against it. */
    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    /** Feeds that dropped after answering (their cells are marked), by feed. */
    public ReadOnlyObjectProperty<Map<FleetFeed, FeedStatus>> staleFeedsProperty() {
        return staleFeeds.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** "Heartbeats stale since 03:04:05 (Connection refused)", or empty when every feed is live. */
    public ReadOnlyStringProperty staleBannerProperty() {
        return staleBanner.getReadOnlyProperty();
    }

    public ObservableList<String> notices() {
        return notices;
    }

    public WorkerDetailViewModel detail() {
        return detail;
    }

    public NamespacesViewModel namespaces() {
        return namespaces;
    }

    /** "stale since 03:04:05" for a feed that dropped, else null. */
    public String staleText(FleetFeed feed) {
        FeedStatus s = feed == null ? null : staleFeeds.get().get(feed);
        return s == null ? null : "stale since " + HMS.format(s.staleSince().atZone(zone));
    }

    private void queue(FleetSnapshot snapshot, List<Worker> changed, Set<String> removed) {
        synchronized (pendingLock) {
            for (Worker w : changed) {
                pendingChanged.put(w.key(), w);
                pendingRemoved.remove(w.key());
            }
            for (String key : removed) {
                pendingChanged.remove(key);
                pendingRemoved.add(key);
            }
            queued = snapshot;
        }
    }

    private void arrange() {
        List<Worker> changed;
        Set<String> removed;
        FleetSnapshot snapshot;
        synchronized (pendingLock) {
            changed = List.copyOf(pendingChanged.values());
            removed = Set.copyOf(pendingRemoved);
            pendingChanged.clear();
            pendingRemoved.clear();
            snapshot = queued;
        }
        Arranged arranged = arranger.arrange(changed, removed, filterText, sort, selectedKey);
        synchronized (unshown) {
            unshown.putAll(arranged.updates());
        }
        toFx.offer(new Applied(snapshot, arranged));
    }

    private void apply(Applied a) {
        FleetSnapshot s = a.snapshot();
        FleetSnapshot before = applied.get();
        synchronized (unshown) {
            unshown.forEach(FleetItem::show);
            unshown.clear();
        }
        // the index first: the view restores the table's selection from it while the lines move
        selectedIndex.set(a.arranged().selectedIndex());
        if (a.arranged().items() != lastArranged) {
            ListSync.update(items, a.arranged().items());
            lastArranged = a.arranged().items();
        }
        // ages are shown in whole seconds: a new "now" more often would only redraw every heartbeat cell for nothing
        Instant second = s.asOf().truncatedTo(ChronoUnit.SECONDS);
        if (!second.equals(now.get())) {
            now.set(second);
        }
        if (before == null || !before.feeds().equals(s.feeds())) {
            showFeeds(s);
        }
        if (before == null || !before.notices().equals(s.notices())) {
            notices.setAll(s.notices());
        }
        summary.set(String.format(Locale.ROOT, "%,d of %,d workers in %,d %s", a.arranged().items().size(),
                a.arranged().total(), s.namespaces().size(), s.namespaces().size() == 1 ? "namespace" : "namespaces"));
        namespaces.apply(s);
        detail.rowUpdated(a.arranged().selected());
        applied.set(s);
    }

    private void showFeeds(FleetSnapshot s) {
        Map<FleetFeed, FeedStatus> stale = new EnumMap<>(FleetFeed.class);
        List<String> banner = new ArrayList<>();
        for (FleetFeed feed : FleetFeed.values()) {
            FeedStatus status = s.feed(feed);
            if (status == null) {
                continue;
            }
            if (status.staleSince() != null) {
                stale.put(feed, status);
                banner.add("\u26A0 " + capitalised(feed.displayName()) + " stale since "
                        + HMS.format(status.staleSince().atZone(zone)) + " (" + status.reason() + ")");
            } else if (status.state() == dev.pitwall.model.BackendStatus.State.ERROR) {
                banner.add("\u2716 " + capitalised(feed.displayName()) + ": " + status.reason());
            }
        }
        staleFeeds.set(Map.copyOf(stale));
        staleBanner.set(String.join("   ", banner));
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
