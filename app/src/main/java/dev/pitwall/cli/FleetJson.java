package dev.pitwall.cli;

import dev.pitwall.model.Worker;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One worker as {@code pitwall fleet --json} prints it. The keys and their order are a contract: scripts read them.
 * Numbers are numbers; anything unknown is null.
 */
final class FleetJson {

    private FleetJson() {
    }

    static Map<String, Object> row(Worker w, Instant asOf) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("namespace", w.namespace());
        m.put("workload", w.workload());
        m.put("group", w.group());
        m.put("pod", w.pod());
        m.put("phase", w.phase());
        m.put("ready", w.ready());
        m.put("restarts", w.restarts());
        m.put("lastTerminationReason", w.lastTerminationReason());
        m.put("node", w.node());
        m.put("image", w.image());
        m.put("revision", w.revision());
        m.put("executionMode", w.executionMode() == null ? null : w.executionMode().display());
        m.put("executionModeSource", w.executionMode() == null ? null
                : w.executionMode().source().name().toLowerCase(Locale.ROOT));
        Duration age = w.heartbeatAge(asOf);
        m.put("heartbeatAgeSeconds", age == null ? null : age.toSeconds());
        m.put("cpuPercent", w.cpuPercent());
        m.put("ramPercent", w.ramPercent());
        m.put("sandboxesBusy", w.sandboxesBusy());
        m.put("sandboxesTotal", w.sandboxesTotal());
        m.put("volumeUsedBytes", w.volume() == null ? null : w.volume().usedBytes());
        m.put("volumeCapacityBytes", w.volume() == null ? null : w.volume().capacityBytes());
        m.put("volumeFillBytesPerSecond", w.volume() == null ? null : w.volume().fillBytesPerSecond());
        m.put("volumeFullInSeconds", w.volume() == null ? null : w.volume().fullInSeconds());
        return m;
    }
}
