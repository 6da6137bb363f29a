package dev.pitwall.demo.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.IntOrString;

import java.time.Instant;
import java.util.SplittableRandom;

/** The controller of one Deployment or StatefulSet: revisions, pods, and the workload's status. */
interface WorkloadController {

    /** The workload as the API holds it now (after someone changed it, or at the first tick). */
    void observe(HasMetadata workload);

    /** Creates the revision for a changed template, and creates or deletes pods to roll out or to scale. */
    void reconcile(Instant now);

    /** Writes the status fields that follow the pods, when they changed. */
    void reportStatus(Instant now);

    /** The workload was deleted: its pods and revisions go too (what the garbage collector does). */
    void deleted(Instant now);

    /** What the controllers share: the API, the kubelets, the event sink, the pod builder and the seeded source. */
    record Context(ClusterApi api, Kubelet kubelet, EventRecorder events, PodFactory pods, NodePool nodes,
                   SplittableRandom random) {
    }

    /** One revision of a seeded workload's history. */
    record PastRevision(PodTemplateSpec template, Instant at, String changeCause) {
    }

    static OwnerReference controllerRef(HasMetadata owner) {
        return new OwnerReferenceBuilder().withApiVersion(owner.getApiVersion()).withKind(owner.getKind())
                .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid())
                .withController(true).withBlockOwnerDeletion(true).build();
    }

    static ObjectReference reference(HasMetadata object) {
        return new ObjectReferenceBuilder().withApiVersion(object.getApiVersion()).withKind(object.getKind())
                .withNamespace(object.getMetadata().getNamespace()).withName(object.getMetadata().getName())
                .withUid(object.getMetadata().getUid()).withResourceVersion(object.getMetadata().getResourceVersion())
                .build();
    }

    /** An absolute or percentage value of a rollout setting against {@code total} (percentages round as asked). */
    static int scaled(IntOrString value, int total, boolean roundUp, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.getIntVal() != null) {
            return value.getIntVal();
        }
        String text = value.getStrVal().trim();
        if (!text.endsWith("%")) {
            return Integer.parseInt(text);
        }
        double share = Integer.parseInt(text.substring(0, text.length() - 1)) * total / 100.0;
        return (int) (roundUp ? Math.ceil(share) : Math.floor(share));
    }
}
