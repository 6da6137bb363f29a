package dev.pitwall.kube;

import dev.pitwall.model.KubeEvent;
import dev.pitwall.ops.fleet.RevisionState;
import dev.pitwall.ops.fleet.WorkloadState;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Reduces workloads, revisions and Events to the fleet's records. Missing parts become nulls, never exceptions. */
public final class KubeObjects {

    static final String REVISION_ANNOTATION = "deployment.kubernetes.io/revision";

    private KubeObjects() {
    }

    public static WorkloadState deployment(Deployment d) {
        ObjectMeta meta = meta(d.getMetadata());
        return new WorkloadState("Deployment", namespaceOf(meta), meta.getName(),
                d.getSpec() == null ? null : d.getSpec().getReplicas(),
                d.getStatus() == null ? null : zeroIfNull(d.getStatus().getReadyReplicas()));
    }

    public static WorkloadState statefulSet(StatefulSet s) {
        ObjectMeta meta = meta(s.getMetadata());
        return new WorkloadState("StatefulSet", namespaceOf(meta), meta.getName(),
                s.getSpec() == null ? null : s.getSpec().getReplicas(),
                s.getStatus() == null ? null : zeroIfNull(s.getStatus().getReadyReplicas()));
    }

    public static RevisionState replicaSet(ReplicaSet rs) {
        ObjectMeta meta = meta(rs.getMetadata());
        OwnerReference owner = controller(meta);
        Map<String, String> annotations = meta.getAnnotations() == null ? Map.of() : meta.getAnnotations();
        return new RevisionState("ReplicaSet", namespaceOf(meta), meta.getName(),
                owner == null ? null : owner.getKind(), owner == null ? null : owner.getName(),
                parseLong(annotations.get(REVISION_ANNOTATION)));
    }

    public static RevisionState controllerRevision(ControllerRevision cr) {
        ObjectMeta meta = meta(cr.getMetadata());
        OwnerReference owner = controller(meta);
        return new RevisionState("ControllerRevision", namespaceOf(meta), meta.getName(),
                owner == null ? null : owner.getKind(), owner == null ? null : owner.getName(), cr.getRevision());
    }

    public static KubeEvent event(Event e) {
        ObjectMeta meta = meta(e.getMetadata());
        var about = e.getInvolvedObject();
        Instant last = time(e.getLastTimestamp());
        if (last == null && e.getEventTime() != null) {
            last = time(e.getEventTime().getTime());
        }
        if (last == null) {
            last = time(meta.getCreationTimestamp());
        }
        return new KubeEvent(about != null && about.getNamespace() != null ? about.getNamespace() : namespaceOf(meta),
                about == null || about.getKind() == null ? "" : about.getKind(),
                about == null || about.getName() == null ? "" : about.getName(),
                e.getType(), e.getReason(), e.getMessage(), e.getCount() == null ? 1 : e.getCount(), last);
    }

    /** The controlling owner reference, else the first one, else null. */
    static OwnerReference controller(ObjectMeta meta) {
        if (meta.getOwnerReferences() == null || meta.getOwnerReferences().isEmpty()) {
            return null;
        }
        for (OwnerReference o : meta.getOwnerReferences()) {
            if (Boolean.TRUE.equals(o.getController())) {
                return o;
            }
        }
        return meta.getOwnerReferences().get(0);
    }

    static String namespaceOf(ObjectMeta meta) {
        return meta.getNamespace() == null ? "default" : meta.getNamespace();
    }

    static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ObjectMeta meta(ObjectMeta meta) {
        return meta == null ? new ObjectMeta() : meta;
    }

    private static Integer zeroIfNull(Integer i) {
        return i == null ? 0 : i;
    }

    private static Long parseLong(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
