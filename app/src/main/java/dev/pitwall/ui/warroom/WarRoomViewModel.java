package dev.pitwall.ui.warroom;

import dev.pitwall.model.BackendStatus;
import dev.pitwall.ops.fleet.FleetSnapshot;
import dev.pitwall.ops.queues.QueueBoard;
import dev.pitwall.ops.queues.TrendPoint;
import dev.pitwall.ops.timeline.FailureBuckets;
import dev.pitwall.ops.timeline.TimelineEntry;
import dev.pitwall.ops.timeline.TimelineKind;
import javafx.collections.FXCollections;
import java.util.Comparator;
import dev.pitwall.ops.trust.TrustReport;
import dev.pitwall.ui.operations.OperationEntry;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The war-room board: one state per tile, fed with the engines' snapshots, and per tile whether its back-end is
 * stale ("stale since HH:MM"): a tile keeps its last data when its back-end drops, the others stay live. Every
 * method runs on the FX thread; the app hands the snapshots over from the background.
 */
public final class WarRoomViewModel {

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");
    public static final int RECENT_ENTRIES = 12;

    /** One tile: what it shows, and why its data is old (empty while live). */
    public static final class Tile {
        private final TileId id;
        private final ReadOnlyObjectWrapper<TileState> state;
        private final ReadOnlyStringWrapper stale = new ReadOnlyStringWrapper("");

        Tile(TileId id, TileState initial) {
            this.id = id;
            this.state = new ReadOnlyObjectWrapper<>(initial);
        }

        public TileId id() {
            return id;
        }

        public ReadOnlyObjectProperty<TileState> stateProperty() {
            return state.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty staleProperty() {
            return stale.getReadOnlyProperty();
        }
    }

    private final Map<TileId, Tile> tiles = new EnumMap<>(TileId.class);
    private final ReadOnlyStringWrapper overall = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<TileStatus> overallStatus = new ReadOnlyObjectWrapper<>(TileStatus.NO_DATA);
    private final ZoneId zone;
    private final Clock clock;
    private final ObservableList<OperationEntry> operations;
    private final ObservableList<TimelineEntry> recent = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper timelineProblem = new ReadOnlyStringWrapper("");
    private List<dev.pitwall.ops.canary.CanaryRecord> canaries = List.of();

    /**
     * @param operations the Operations panel's entries (running ones are shown), or null when there is none
     * @param missing    per tile, why it can never have data in this profile (no Redis...), shown instead
     */
    public WarRoomViewModel(ObservableList<OperationEntry> operations, Map<TileId, String> missing, ZoneId zone,
                            Clock clock) {
        this.zone = zone;
        this.clock = clock;
        this.operations = operations;
        for (TileId id : TileId.values()) {
            tiles.put(id, new Tile(id, missing.containsKey(id)
                    ? new TileState(TileStatus.NO_DATA, missing.get(id), List.of())
                    : TileState.waiting("waiting for data\u2026")));
        }
        if (operations != null) {
            operations.addListener((ListChangeListener<OperationEntry>) c -> {
                while (c.next()) {
                    c.getAddedSubList().forEach(this::follow);
                }
                refreshOperations();
            });
            operations.forEach(this::follow);
        }
        refreshOperations();
    }

    public Tile tile(TileId id) {
        return tiles.get(id);
    }

    /** "✖ 2 CRITICAL · ⚠ 1 WARNING" or "✔ ALL OK": the board's one-line answer. */
    public ReadOnlyStringProperty overallProperty() {
        return overall.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TileStatus> overallStatusProperty() {
        return overallStatus.getReadOnlyProperty();
    }

    /** The latest timeline entries, newest first: the board's second page. */
    public ObservableList<TimelineEntry> recentTimeline() {
        return recent;
    }

    /**
     * Keeps the newest {@link #RECENT_ENTRIES} of a timeline read, newest first. Routine Kubernetes events (pods
     * scheduled, started) are left out: on a shared screen they would push the changes and warnings off it.
     */
    public void showTimeline(List<TimelineEntry> entries) {
        recent.setAll(entries.stream().filter(e -> e.kind() != TimelineKind.KUBE_EVENT
                        || e.level() != TimelineEntry.Level.INFO)
                .sorted(TimelineEntry.ORDER.reversed()).limit(RECENT_ENTRIES).toList());
    }

    /** What the timeline page could not read (a source down, a tampered audit log), or empty. */
    public ReadOnlyStringProperty timelineProblemProperty() {
        return timelineProblem.getReadOnlyProperty();
    }

    public void showTimelineProblem(String problem) {
        timelineProblem.set(problem == null ? "" : problem);
    }

    public void showFleet(FleetSnapshot snapshot) {
        set(TileId.FLEET, FleetTiles.health(snapshot));
        set(TileId.VOLUMES, FleetTiles.volumes(snapshot));
    }

    public void showTrust(TrustReport report) {
        set(TileId.TRUST, TrustTile.of(report, clock.instant()));
    }

    public void showQueues(QueueBoard board, Map<String, List<TrendPoint>> trends) {
        set(TileId.QUEUES, QueueTile.of(board, trends));
    }

    public void showFailures(FailureBuckets buckets) {
        set(TileId.FAILURES, FailureTile.of(buckets));
    }

    /** A tile whose source failed before it had any data: it says why instead of waiting forever. */
    public void showUnavailable(TileId id, String reason) {
        if (tiles.get(id).state.get().status() == TileStatus.NO_DATA) {
            set(id, new TileState(TileStatus.NO_DATA, reason, List.of()));
        }
    }

    /** A back-end's status: its tiles are marked stale (or not reachable) and keep their data. */
    public void backend(BackendStatus status) {
        String text = switch (status.state()) {
            case STALE -> "\u26A0 STALE since " + HM.format(status.since().atZone(zone)) + reason(status);
            case ERROR -> "\u2716 NOT REACHABLE since " + HM.format(status.since().atZone(zone)) + reason(status);
            default -> "";
        };
        for (Tile t : tiles.values()) {
            if (t.id.backend() == status.kind()) {
                t.stale.set(text);
            }
        }
        summarize();
    }

    private static String reason(BackendStatus s) {
        return s.reason().isBlank() ? "" : ": " + s.reason();
    }

    private void follow(OperationEntry entry) {
        // the task sets its work done before its progress and title: follow each, or the tile lags one update
        entry.figuresProperty().addListener((Observable o) -> refreshOperations());
        entry.stateProperty().addListener((Observable o) -> refreshOperations());
        entry.task().progressProperty().addListener((Observable o) -> refreshOperations());
        entry.task().titleProperty().addListener((Observable o) -> refreshOperations());
    }

    /** The canaries the cluster holds, wherever they are driven from: shown with the operations. */
    public void showCanaries(List<dev.pitwall.ops.canary.CanaryRecord> records) {
        canaries = List.copyOf(records);
        refreshOperations();
    }

    private void refreshOperations() {
        set(TileId.OPERATIONS, OperationsTile.of(operations == null ? List.of() : List.copyOf(operations), canaries,
                clock.instant()));
    }

    private void set(TileId id, TileState state) {
        tiles.get(id).state.set(state);
        summarize();
    }

    private void summarize() {
        long critical = tiles.values().stream().filter(t -> t.state.get().status() == TileStatus.CRITICAL).count();
        long warning = tiles.values().stream().filter(t -> t.state.get().status() == TileStatus.WARNING).count();
        long stale = tiles.values().stream().filter(t -> !t.stale.get().isEmpty()).count();
        StringBuilder text = new StringBuilder();
        if (critical > 0) {
            text.append(TileStatus.CRITICAL.glyph()).append(' ').append(critical).append(" CRITICAL");
        }
        if (warning > 0) {
            text.append(text.isEmpty() ? "" : "  \u00b7  ").append(TileStatus.WARNING.glyph()).append(' ')
                    .append(warning).append(" WARNING");
        }
        if (stale > 0) {
            text.append(text.isEmpty() ? "" : "  \u00b7  ").append("\u26A0 ").append(stale).append(" STALE");
        }
        overall.set(text.isEmpty() ? TileStatus.OK.glyph() + " ALL OK" : text.toString());
        overallStatus.set(critical > 0 ? TileStatus.CRITICAL : warning > 0 || stale > 0 ? TileStatus.WARNING
                : TileStatus.OK);
    }
}
