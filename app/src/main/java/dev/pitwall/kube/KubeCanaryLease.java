package dev.pitwall.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pitwall.ops.canary.CanaryAnnotations;
import dev.pitwall.ops.canary.CanaryCluster;
import dev.pitwall.ops.guard.LeaseStore;
import dev.pitwall.ops.rollback.ClusterException;
import dev.pitwall.ops.rollback.WorkloadRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The driver lease on a canary workload, in its annotations, written with a JSON merge patch that carries the
 * resourceVersion it was read at: the API server applies it only if the object is still at that version and answers
 * 409 otherwise (fabric8's mock server in CRUD mode does the same, atomically), so of two drivers that read the same
 * version only one gets the lease.
 */
final class KubeCanaryLease implements LeaseStore {

    private static final ObjectMapper JSON = Serialization.jsonMapper();

    private final KubernetesClient client;
    private final WorkloadRef workload;

    KubeCanaryLease(KubernetesClient client, WorkloadRef workload) {
        this.client = client;
        this.workload = workload;
    }

    @Override
    public Optional<State> read() {
        try {
            HasMetadata canary = resource().get();
            if (canary == null || canary.getMetadata().getDeletionTimestamp() != null) {
                return Optional.empty();
            }
            Map<String, String> a = canary.getMetadata().getAnnotations() == null ? Map.of()
                    : canary.getMetadata().getAnnotations();
            return Optional.of(new State(canary.getMetadata().getResourceVersion(),
                    a.getOrDefault(CanaryAnnotations.DRIVER, ""), until(a.get(CanaryAnnotations.DRIVEN_UNTIL))));
        } catch (KubernetesClientException e) {
            throw new ClusterException("could not read the lease of the canary of " + workload + ": "
                    + KubeErrors.describe(e), e);
        }
    }

    @Override
    public Optional<String> write(Take take) {
        Map<String, String> annotations = new HashMap<>();
        annotations.put(CanaryAnnotations.DRIVER, take.holder().isEmpty() ? null : take.holder());
        annotations.put(CanaryAnnotations.DRIVEN_UNTIL, take.until() == null ? null : take.until().toString());
        try {
            return conditional(resource(), patch(take.version(), annotations, -1));
        } catch (KubernetesClientException e) {
            throw new ClusterException("could not take the lease of the canary of " + workload + ": "
                    + KubeErrors.describe(e), e);
        }
    }

    /**
     * Applies a merge patch that names the resourceVersion it was made against: the new resourceVersion, or empty
     * when the object changed since or is gone (nothing written).
     */
    static Optional<String> conditional(Resource<? extends HasMetadata> resource, String patch) {
        try {
            return Optional.of(resource.patch(PatchContext.of(PatchType.JSON_MERGE), patch).getMetadata()
                    .getResourceVersion());
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409 || e.getCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * A merge patch of annotations (a null value removes one) and, unless negative, the replicas, conditioned on
     * {@code version} (null: on nothing).
     */
    static String patch(String version, Map<String, String> annotations, int replicas) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode metadata = root.putObject("metadata");
        if (version != null) {
            metadata.put("resourceVersion", version);
        }
        ObjectNode a = metadata.putObject("annotations");
        annotations.forEach(a::put);
        if (replicas >= 0) {
            root.putObject("spec").put("replicas", replicas);
        }
        return root.toString();
    }

    private Resource<? extends HasMetadata> resource() {
        String name = CanaryCluster.canaryName(workload);
        return workload.kind() == WorkloadRef.Kind.DEPLOYMENT
                ? client.apps().deployments().inNamespace(workload.namespace()).withName(name)
                : client.apps().statefulSets().inNamespace(workload.namespace()).withName(name);
    }

    private static Instant until(String text) {
        try {
            return text == null || text.isBlank() ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null; // a hand-edited time: no lease
        }
    }
}
