package dev.pitwall.ui.fleet;

import dev.pitwall.model.VolumeReading;
import dev.pitwall.model.Worker;
import dev.pitwall.ops.fleet.FleetAlerts;
import dev.pitwall.ops.fleet.FleetFeed;
import dev.pitwall.ops.fleet.FleetFormats;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/**
 * The columns of the Fleet table: title, which feed the value comes from (for "stale since"), the value it sorts by,
 * how it reads, and which unknown reasons explain a missing value. Status reads as an icon and words (the style class
 * only adds colour): ✖ for what is critical, ⚠ for what needs a look.
 */
public enum FleetColumn {
    NAMESPACE("Namespace", null, Worker::namespace, Worker::namespace),
    WORKLOAD("Workload", FleetFeed.CLUSTER, Worker::workload, Worker::workload, Worker.WORKLOAD),
    GROUP("Group", FleetFeed.CLUSTER, Worker::group, Worker::group, Worker.GROUP),
    POD("Pod", null, Worker::pod, Worker::pod),
    PHASE("Phase", FleetFeed.CLUSTER, Worker::phase, w -> w.waitingReason() == null ? w.phase()
            : "\u2716 " + w.phase() + " \u00b7 " + w.waitingReason(), Worker.PHASE),
    READY("Ready", FleetFeed.CLUSTER, Worker::ready, w -> w.ready() ? "\u2714 ready" : "\u26A0 not ready",
            Worker.READY),
    RESTARTS("Restarts", FleetFeed.CLUSTER, Worker::restarts, w -> w.restarts().toString(), Worker.RESTARTS),
    LAST_TERMINATION("Last exit", FleetFeed.CLUSTER, Worker::lastTerminationReason, Worker::lastTerminationReason),
    NODE("Node", FleetFeed.CLUSTER, Worker::node, Worker::node, Worker.NODE),
    IMAGE("Image", FleetFeed.CLUSTER, Worker::image, Worker::image, Worker.IMAGE),
    TAG("Tag", FleetFeed.CLUSTER, Worker::imageTag, Worker::imageTag, Worker.IMAGE),
    REVISION("Revision", FleetFeed.CLUSTER, Worker::revision, w -> w.revision().toString(), Worker.REVISION),
    MODE("Execution mode", null, w -> w.executionMode() == null ? null : w.executionMode().display(),
            w -> w.executionMode().display(), Worker.EXECUTION_MODE),
    MODE_SOURCE("Mode from", null, w -> w.executionMode() == null ? null : w.executionMode().source(),
            w -> w.executionMode().source().name().toLowerCase(Locale.ROOT), Worker.EXECUTION_MODE),
    /** Sorted youngest first; the text is the live age, drawn by the cell. */
    HEARTBEAT("Heartbeat", FleetFeed.HEARTBEATS, w -> w.heartbeatAt() == null ? null
            : -w.heartbeatAt().toEpochMilli(), w -> "", Worker.HEARTBEAT),
    CPU("CPU", FleetFeed.HEARTBEATS, Worker::cpuPercent, w -> FleetFormats.percent(w.cpuPercent()),
            Worker.HEARTBEAT),
    RAM("RAM", FleetFeed.HEARTBEATS, Worker::ramPercent, w -> FleetFormats.percent(w.ramPercent()),
            Worker.HEARTBEAT),
    SANDBOXES("Sandboxes", FleetFeed.HEARTBEATS, w -> w.sandboxesTotal() == null ? null : w.sandboxesBusy(),
            w -> w.sandboxesBusy() + "/" + w.sandboxesTotal(), Worker.HEARTBEAT),
    VOLUME("Cache volume", FleetFeed.VOLUME_STATS, w -> w.volume() == null ? null : w.volume().percent(),
            w -> volume(w.volume()), Worker.VOLUME),
    FILL_RATE("Fill rate", FleetFeed.VOLUME_STATS, w -> w.volume() == null ? null : w.volume().fillBytesPerSecond(),
            w -> FleetFormats.fillRate(w.volume().fillBytesPerSecond()), Worker.FORECAST, Worker.VOLUME),
    FULL_IN("Full in", FleetFeed.VOLUME_STATS, w -> w.volume() == null ? null : w.volume().fullInSeconds(),
            w -> fullIn(w.volume().fullInSeconds()), Worker.FORECAST, Worker.VOLUME),
    UNKNOWNS("Unknown", null, w -> w.unknowns().isEmpty() ? null : w.unknowns().size(),
            w -> w.unknowns().size() + ": " + String.join(", ", w.unknowns().keySet()));

    private final String title;
    private final FleetFeed feed;
    private final Function<Worker, ?> value;
    private final Function<Worker, String> text;
    private final String[] unknownKeys;
    private final Comparator<FleetRow> order;

    @SuppressWarnings({"unchecked", "rawtypes"})
    FleetColumn(String title, FleetFeed feed, Function<Worker, ? extends Comparable<?>> value,
                Function<Worker, String> text, String... unknownKeys) {
        this.title = title;
        this.feed = feed;
        this.value = value;
        this.text = text;
        this.unknownKeys = unknownKeys;
        Comparator<Comparable> natural = Comparator.nullsLast(Comparator.naturalOrder());
        this.order = Comparator.comparing(row -> (Comparable) value.apply(row.worker()), natural);
    }

    public String title() {
        return title;
    }

    /** The feed this column's value comes from, or null for identity columns that never go stale. */
    public FleetFeed feed() {
        return feed;
    }

    /** Ascending order of rows by this column; rows without a value last. */
    public Comparator<FleetRow> order() {
        return order;
    }

    /**
     * Hidden until chosen in the column menu: the full image is long and the tag says the same; node, mode source and
     * sandboxes matter only when digging into one worker, and the detail pane shows them.
     */
    public boolean visibleByDefault() {
        return switch (this) {
            case IMAGE, NODE, MODE_SOURCE, SANDBOXES -> false;
            default -> true;
        };
    }

    /**
     * Starting width in pixels, wide enough for the demo's and Activepieces' usual names (a namespace like
     * "ap-dedicated-initech", a pod like "activepieces-worker-initech-7d9f8c6b5-x7k2p") so nobody reads "ap-dedic…".
     */
    public double preferredWidth() {
        return switch (this) {
            case NAMESPACE -> 160;
            case WORKLOAD -> 210;
            case POD -> 320;
            case IMAGE -> 380;
            case PHASE, MODE, VOLUME -> 180;
            case UNKNOWNS -> 220;
            case TAG -> 120;
            case READY, LAST_TERMINATION, MODE_SOURCE, HEARTBEAT, SANDBOXES, FILL_RATE, FULL_IN -> 95;
            case GROUP, RESTARTS, NODE, REVISION -> 80;
            case CPU, RAM -> 60;
        };
    }

    /** Why the value is missing, or null. */
    public String unknownReason(Worker w) {
        if (value.apply(w) != null) {
            return null;
        }
        for (String key : unknownKeys) {
            String reason = w.unknown(key);
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    /** The cell text: the value, "unknown" when a reason explains its absence, else empty. */
    String text(Worker w) {
        if (value.apply(w) != null) {
            return text.apply(w);
        }
        return unknownReason(w) != null ? FleetRow.UNKNOWN : "";
    }

    private static String volume(VolumeReading v) {
        String used = FleetFormats.bytes(v.usedBytes()) + " / " + FleetFormats.bytes(v.capacityBytes());
        String icon = v.percent() >= FleetAlerts.CRITICAL_PERCENT ? "\u2716 "
                : v.percent() >= FleetAlerts.WARNING_PERCENT ? "\u26A0 " : "";
        return icon + used + " (" + FleetFormats.percent(v.percent()) + ")";
    }

    private static String fullIn(long seconds) {
        String soon = seconds < FleetAlerts.CRITICAL_FULL_IN.toSeconds() ? "\u2716 " : "";
        return soon + FleetFormats.fullIn(seconds).replace("full in ", "");
    }
}
