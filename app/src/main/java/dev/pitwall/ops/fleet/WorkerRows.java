package dev.pitwall.ops.fleet;

import dev.pitwall.model.ExecutionModeSource;
import dev.pitwall.model.Heartbeat;
import dev.pitwall.model.ModeReading;
import dev.pitwall.model.NamespaceSummary;
import dev.pitwall.model.VolumeReading;
import dev.pitwall.model.Worker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Makes a pod's row from what the cluster, its heartbeat and its kubelet say; every gap gets its reason. */
final class WorkerRows {

    static final String GROUP_ENV = "AP_WORKER_GROUP_ID";
    static final String MODE_ENV = "AP_EXECUTION_MODE";
    private static final Set<String> PHASES = Set.of("Pending", "Running", "Succeeded", "Failed", "Unknown");

    /** What a row needs from the rest of the fold. */
    interface Context {
        RevisionState revision(String namespace, String name);

        HeartbeatBook.Entry heartbeat(String ip);

        /** Why no heartbeat can be joined at all (no Redis, nothing read yet), or null. */
        String heartbeatGap();

        VolumeHistory volume(String podKey);

        /** Why this pod's volume is not known, or null when its history holds the answer. */
        String volumeGap(PodState pod);
    }

    private WorkerRows() {
    }

    static Worker derive(PodState p, Context c) {
        Map<String, String> unknowns = new LinkedHashMap<>();
        String workload = workload(p, c, unknowns);
        String group = group(p, unknowns);
        String phase = phase(p, unknowns);
        if (p.hasStatus() && p.ready() == null) {
            unknowns.put(Worker.READY, "the pod has no Ready condition yet");
        }
        if (p.hasStatus() && p.restarts() == null) {
            unknowns.put(Worker.RESTARTS, "the worker container has no status yet");
        }
        if (p.node() == null) {
            unknowns.put(Worker.NODE, "not scheduled on a node yet");
        }
        if (p.image() == null) {
            unknowns.put(Worker.IMAGE, "the pod has no containers");
        }
        String tag = imageTag(p.image());
        Long revision = revision(p, c, unknowns);

        HeartbeatBook.Entry hb = c.heartbeat(p.ip());
        Heartbeat h = hb == null ? null : hb.heartbeat();
        if (hb == null) {
            String gap = c.heartbeatGap();
            unknowns.put(Worker.HEARTBEAT, gap != null ? gap : p.ip() == null ? "the pod has no IP yet"
                    : "no heartbeat from " + p.ip() + " in workerMachines");
        } else if (hb.at() == null) {
            unknowns.put(Worker.HEARTBEAT, "heartbeat age unknown: it has no updatedAt and has not changed since "
                    + "Pitwall began reading");
        }
        ModeReading mode = mode(p, h, unknowns);
        String version = h != null && h.version() != null ? h.version() : tag;

        VolumeReading volume = volume(p, c, unknowns);
        return new Worker(p.namespace(), p.name(), workload, group, p.node(), p.ip(), phase, p.ready(), p.restarts(),
                p.lastTerminationReason(), p.waitingReason(), p.image(), tag, revision, mode, version,
                hb == null ? null : hb.at(), h == null ? null : h.cpuUsagePercentage(),
                h == null ? null : h.ramUsagePercentage(), h == null ? null : h.sandboxesBusy(),
                h == null ? null : h.sandboxesTotal(), volume, unknowns);
    }

    /** The tag of an image reference ("latest" when none is given); null for a digest-only reference. */
    static String imageTag(String image) {
        if (image == null) {
            return null;
        }
        String ref = image;
        int at = ref.indexOf('@');
        if (at >= 0) {
            ref = ref.substring(0, at);
        }
        int colon = ref.lastIndexOf(':');
        if (colon > ref.lastIndexOf('/')) {
            return ref.substring(colon + 1);
        }
        return at >= 0 ? null : "latest";
    }

    private static String workload(PodState p, Context c, Map<String, String> unknowns) {
        if (p.ownerKind() == null) {
            unknowns.put(Worker.WORKLOAD, "the pod has no owner (not made by a Deployment or StatefulSet)");
            return null;
        }
        if (p.ownerKind().equals("ReplicaSet")) {
            RevisionState rs = c.revision(p.namespace(), p.ownerName());
            if (rs != null && rs.ownerName() != null) {
                return rs.ownerName();
            }
            String hash = p.podTemplateHash();
            if (hash != null && p.ownerName().endsWith("-" + hash)) {
                return p.ownerName().substring(0, p.ownerName().length() - hash.length() - 1);
            }
            return p.ownerName();
        }
        return p.ownerName();
    }

    private static String group(PodState p, Map<String, String> unknowns) {
        EnvVar g = p.env(GROUP_ENV);
        if (g == null && !p.envFrom().isEmpty()) {
            unknowns.put(Worker.GROUP, GROUP_ENV + " may be set through " + String.join(", ", p.envFrom()));
            return null;
        }
        if (g == null || isBlankLiteral(g)) {
            return NamespaceSummary.SHARED;
        }
        if (g.kind() == EnvVar.Kind.LITERAL) {
            return g.value();
        }
        unknowns.put(Worker.GROUP, GROUP_ENV + " is read from " + (g.from() == null ? "a hidden value" : g.from()));
        return null;
    }

    private static String phase(PodState p, Map<String, String> unknowns) {
        if (!p.hasStatus()) {
            unknowns.put(Worker.PHASE, "the pod has no status yet");
            return null;
        }
        if (p.phase() == null) {
            unknowns.put(Worker.PHASE, "the pod status has no phase");
            return null;
        }
        if (!PHASES.contains(p.phase())) {
            unknowns.put(Worker.PHASE, "unrecognised phase '" + p.phase() + "'");
            return null;
        }
        return p.phase();
    }

    private static Long revision(PodState p, Context c, Map<String, String> unknowns) {
        if (p.revisionName() == null) {
            unknowns.put(Worker.REVISION, p.ownerKind() == null ? "the pod has no owner"
                    : "neither a ReplicaSet nor a controller-revision-hash label names its revision");
            return null;
        }
        String kind = "ReplicaSet".equals(p.ownerKind()) ? "ReplicaSet" : "ControllerRevision";
        RevisionState r = c.revision(p.namespace(), p.revisionName());
        if (r == null) {
            unknowns.put(Worker.REVISION, kind + " " + p.revisionName() + " not seen"
                    + ("ReplicaSet".equals(kind) ? " (does it carry the worker label?)" : ""));
            return null;
        }
        if (r.revision() == null) {
            unknowns.put(Worker.REVISION, kind + " " + p.revisionName() + " carries no revision number");
        }
        return r.revision();
    }

    private static ModeReading mode(PodState p, Heartbeat h, Map<String, String> unknowns) {
        ModeReading mode = null;
        if (h != null && h.executionMode() != null && !h.executionMode().isBlank()) {
            mode = ModeReading.of(h.executionMode(), ExecutionModeSource.HEARTBEAT);
        } else {
            EnvVar env = p.env(MODE_ENV);
            if (env == null && !p.envFrom().isEmpty()) {
                unknowns.put(Worker.EXECUTION_MODE, MODE_ENV + " may be set through " + String.join(", ", p.envFrom())
                        + " and no heartbeat reports it");
            } else if (env == null || isBlankLiteral(env)) {
                unknowns.put(Worker.EXECUTION_MODE, MODE_ENV + " is not set on the pod (the app's mode applies) "
                        + "and no heartbeat reports one");
            } else if (env.kind() == EnvVar.Kind.LITERAL) {
                mode = ModeReading.of(env.value(), ExecutionModeSource.ENV);
            } else {
                unknowns.put(Worker.EXECUTION_MODE, MODE_ENV + " is read from "
                        + (env.from() == null ? "a hidden value" : env.from()) + " and no heartbeat reports it");
            }
        }
        if (mode != null && mode.mode().isEmpty()) {
            unknowns.put(Worker.EXECUTION_MODE, "unrecognised execution mode '" + mode.raw() + "'");
        }
        return mode;
    }

    private static boolean isBlankLiteral(EnvVar v) {
        return v.kind() == EnvVar.Kind.LITERAL && (v.value() == null || v.value().isBlank());
    }

    private static VolumeReading volume(PodState p, Context c, Map<String, String> unknowns) {
        String gap = c.volumeGap(p);
        VolumeHistory history = c.volume(p.key());
        if (gap != null || history == null || history.latest() == null) {
            unknowns.put(Worker.VOLUME, gap != null ? gap : "waiting for the kubelet's volume stats");
            return null;
        }
        VolumeSample last = history.latest();
        VolumeForecast.Result forecast = history.forecast();
        if (!forecast.filling()) {
            unknowns.put(Worker.FORECAST, forecast.reason());
        }
        return new VolumeReading(last.usedBytes(), history.capacityBytes(), forecast.bytesPerSecond(),
                forecast.secondsToFull(), last.at());
    }
}
