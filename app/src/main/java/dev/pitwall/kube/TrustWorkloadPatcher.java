package dev.pitwall.kube;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pitwall.ops.trust.AccessDecision;
import dev.pitwall.ops.trust.DeclaredEnv;
import dev.pitwall.ops.trust.ModeWrite;
import dev.pitwall.ops.trust.TrustBackendException;
import dev.pitwall.ops.trust.TrustChangeException;
import dev.pitwall.model.ExecutionMode;
import dev.pitwall.ops.trust.WorkloadKind;
import dev.pitwall.ops.trust.WorkloadPatcher;
import dev.pitwall.ops.trust.WorkloadRef;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

import java.util.List;
import java.util.Optional;

/**
 * Changes a workload's AP_EXECUTION_MODE with a JSON patch that first tests the object's resourceVersion and the
 * variable's current value, so that a change made by anyone since it was read makes the patch fail whole (nothing
 * written). Access is checked with a SelfSubjectAccessReview for {@code patch} on the workload.
 */
public final class TrustWorkloadPatcher implements WorkloadPatcher {

    private final KubernetesClient client;

    public TrustWorkloadPatcher(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public AccessDecision canPatch(WorkloadRef ref) {
        SubjectAccessReviewStatus status;
        try {
            status = AccessReviews.review(client, "patch", "apps", ref.kind().resource(), ref.namespace(),
                    ref.name());
        } catch (KubernetesClientException e) {
            throw new TrustBackendException("the access review for patching " + ref + " failed: "
                    + KubeErrors.describe(e), e);
        }
        if (status != null && Boolean.TRUE.equals(status.getAllowed())) {
            return AccessDecision.allow();
        }
        String reason = status == null ? null : status.getReason() != null && !status.getReason().isBlank()
                ? status.getReason() : status.getEvaluationError();
        return AccessDecision.deny("patch on " + ref.kind().resource() + " in namespace " + ref.namespace()
                + " is not allowed" + (reason == null || reason.isBlank() ? "" : " (" + reason + ")"));
    }

    @Override
    public Optional<String> uid(WorkloadRef ref) {
        try {
            return Optional.ofNullable(resource(ref).get()).map(w -> w.getMetadata().getUid());
        } catch (KubernetesClientException e) {
            throw new TrustBackendException("cannot read " + ref + ": " + KubeErrors.describe(e), e);
        }
    }

    @Override
    public String write(ModeWrite change) {
        WorkloadRef ref = change.ref();
        String container = change.container();
        DeclaredEnv before = change.before();
        Resource<? extends HasMetadata> resource = resource(ref);
        HasMetadata workload = read(ref, resource);
        PodTemplateSpec template = workload instanceof Deployment d ? d.getSpec().getTemplate()
                : ((StatefulSet) workload).getSpec().getTemplate();
        List<Container> containers = template.getSpec().getContainers();
        int index = -1;
        for (int i = 0; i < containers.size(); i++) {
            if (containers.get(i).getName().equals(container)) {
                index = i;
            }
        }
        if (index < 0) {
            throw new TrustChangeException(ref + " has no container " + container + " any more; nothing was changed");
        }
        DeclaredEnv now = WorkerTemplates.declared(containers.get(index));
        if (!now.sameSetting(before)) {
            throw new TrustChangeException("AP_EXECUTION_MODE of " + ref + " is now " + now.text() + ", not "
                    + before.text() + " as previewed; nothing was changed: review the change again");
        }
        String patch = patch(workload, containers.get(index), index, change.target(), change.changeCause())
                .toString();
        try {
            return resource.patch(PatchContext.of(PatchType.JSON), patch).getMetadata().getResourceVersion();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403) {
                throw new TrustChangeException("the API server refused the patch of " + ref + ": "
                        + KubeErrors.describe(e) + "; nothing was changed");
            }
            if (e.getCode() == 409 || e.getCode() == 422) {
                throw new TrustChangeException(ref + " was changed by someone else since it was read; nothing "
                        + "was changed: review the change again");
            }
            throw new TrustBackendException("the patch of " + ref + " failed: " + KubeErrors.describe(e), e);
        }
    }

    private HasMetadata read(WorkloadRef ref, Resource<? extends HasMetadata> resource) {
        HasMetadata workload;
        try {
            workload = resource.get();
        } catch (KubernetesClientException e) {
            throw new TrustBackendException("cannot read " + ref + ": " + KubeErrors.describe(e), e);
        }
        if (workload == null) {
            throw new TrustChangeException(ref + " no longer exists; nothing was changed");
        }
        return workload;
    }

    private Resource<? extends HasMetadata> resource(WorkloadRef ref) {
        return ref.kind() == WorkloadKind.DEPLOYMENT
                ? client.apps().deployments().inNamespace(ref.namespace()).withName(ref.name())
                : client.apps().statefulSets().inNamespace(ref.namespace()).withName(ref.name());
    }

    /** The JSON patch: tests first (resourceVersion, and the variable where it is), then the changes. */
    private static ArrayNode patch(HasMetadata workload, Container c, int index, ExecutionMode target, String cause) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ArrayNode ops = f.arrayNode();
        ops.add(op("test", "/metadata/resourceVersion").put("value", workload.getMetadata().getResourceVersion()));
        String env = "/spec/template/spec/containers/" + index + "/env";
        ObjectNode variable = f.objectNode().put("name", WorkerTemplates.EXECUTION_MODE).put("value", target.name());
        List<EnvVar> vars = c.getEnv();
        int at = -1;
        for (int i = 0; vars != null && i < vars.size(); i++) {
            if (WorkerTemplates.EXECUTION_MODE.equals(vars.get(i).getName())) {
                at = i;
            }
        }
        if (vars == null || vars.isEmpty()) {
            ops.add(op("add", env).set("value", f.arrayNode().add(variable)));
        } else if (at < 0) {
            ops.add(op("add", env + "/-").set("value", variable));
        } else {
            ops.add(op("test", env + "/" + at + "/name").put("value", WorkerTemplates.EXECUTION_MODE));
            ops.add(op("replace", env + "/" + at).set("value", variable));
        }
        if (workload.getMetadata().getAnnotations() == null) {
            ops.add(op("add", "/metadata/annotations").set("value", f.objectNode()
                    .put(TrustWorkloadReader.CHANGE_CAUSE, cause)));
        } else {
            ops.add(op("add", "/metadata/annotations/" + TrustWorkloadReader.CHANGE_CAUSE.replace("/", "~1"))
                    .put("value", cause));
        }
        return ops;
    }

    private static ObjectNode op(String op, String path) {
        return JsonNodeFactory.instance.objectNode().put("op", op).put("path", path);
    }
}
