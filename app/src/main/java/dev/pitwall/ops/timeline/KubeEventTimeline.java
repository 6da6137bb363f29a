package dev.pitwall.ops.timeline;

import dev.pitwall.model.KubeEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The Kubernetes Events about the worker workloads and their pods; Warning events are warnings on the timeline. */
public final class KubeEventTimeline implements TimelineSource {

    /** A port: the Events the cluster still holds about worker workloads, their ReplicaSets and pods. */
    public interface WorkerEvents {
        List<KubeEvent> list();
    }

    private final WorkerEvents events;

    public KubeEventTimeline(WorkerEvents events) {
        this.events = events;
    }

    @Override
    public String name() {
        return "Kubernetes events";
    }

    @Override
    public Reading read(Instant from, Instant to) {
        List<TimelineEntry> out = new ArrayList<>();
        for (KubeEvent e : events.list()) {
            if (e.lastSeen() == null) {
                continue;
            }
            out.add(new TimelineEntry(e.lastSeen(), TimelineKind.KUBE_EVENT,
                    e.isWarning() ? TimelineEntry.Level.WARNING : TimelineEntry.Level.INFO,
                    e.namespace() + "/" + e.objectName(),
                    e.objectKind() + " " + e.reason() + ": " + e.message()
                            + (e.count() > 1 ? " (\u00d7" + e.count() + ")" : ""), null));
        }
        return Reading.of(out);
    }
}
