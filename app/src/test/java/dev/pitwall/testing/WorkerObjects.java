package dev.pitwall.testing;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.ControllerRevisionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes objects shaped like a real Activepieces worker install (Helm chart labels, worker env, a cache PVC at
 * /usr/src/app/cache), with the demo's names (DemoFleet) where a test needs names.
 */
public final class WorkerObjects {

    public static final String COMPONENT = "app.kubernetes.io/component";
    public static final String IMAGE = "ghcr.io/activepieces/activepieces:";

    private WorkerObjects() {
    }

    public static Map<String, String> workerLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/name", "activepieces");
        labels.put("app.kubernetes.io/instance", "activepieces");
        labels.put(COMPONENT, "worker");
        return labels;
    }

    public static Namespace namespace(String name, Map<String, String> labels) {
        return new NamespaceBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata().build();
    }

    public static Deployment deployment(String ns, String name, int replicas, int ready) {
        return new DeploymentBuilder().withNewMetadata().withNamespace(ns).withName(name).withLabels(workerLabels())
                .endMetadata().withNewSpec().withReplicas(replicas).endSpec()
                .withNewStatus().withReplicas(replicas).withReadyReplicas(ready).endStatus().build();
    }

    public static ReplicaSet replicaSet(String ns, String deployment, String hash, long revision, String tag) {
        Map<String, String> labels = workerLabels();
        labels.put("pod-template-hash", hash);
        return new ReplicaSetBuilder().withNewMetadata().withNamespace(ns).withName(deployment + "-" + hash)
                .withLabels(labels).addToAnnotations("deployment.kubernetes.io/revision", Long.toString(revision))
                .withOwnerReferences(owner("apps/v1", "Deployment", deployment)).endMetadata()
                .withNewSpec().withReplicas(1).withNewTemplate().withNewSpec().addNewContainer()
                .withName("activepieces").withImage(IMAGE + tag).endContainer().endSpec().endTemplate().endSpec()
                .build();
    }

    public static StatefulSet statefulSet(String ns, String name, int replicas, int ready) {
        return new StatefulSetBuilder().withNewMetadata().withNamespace(ns).withName(name).withLabels(workerLabels())
                .endMetadata().withNewSpec().withReplicas(replicas).endSpec()
                .withNewStatus().withReplicas(replicas).withReadyReplicas(ready).endStatus().build();
    }

    public static ControllerRevision controllerRevision(String ns, String statefulSet, String hash, long revision) {
        Map<String, String> labels = workerLabels();
        labels.put("controller.kubernetes.io/hash", hash);
        return new ControllerRevisionBuilder().withNewMetadata().withNamespace(ns).withName(statefulSet + "-" + hash)
                .withLabels(labels).withOwnerReferences(owner("apps/v1", "StatefulSet", statefulSet)).endMetadata()
                .withRevision(revision).build();
    }

    /** A running, ready worker pod of a Deployment's ReplicaSet. */
    public static PodBuilder deploymentPod(String ns, String deployment, String hash, String suffix, String ip,
                                           String node, String tag, EnvVar... extraEnv) {
        Map<String, String> labels = workerLabels();
        labels.put("pod-template-hash", hash);
        String name = deployment + "-" + hash + "-" + suffix;
        return pod(ns, name, labels, owner("apps/v1", "ReplicaSet", deployment + "-" + hash), ip, node, tag,
                extraEnv);
    }

    /** A running, ready worker pod of a StatefulSet. */
    public static PodBuilder statefulSetPod(String ns, String statefulSet, String revisionHash, int ordinal, String ip,
                                            String node, String tag, EnvVar... extraEnv) {
        Map<String, String> labels = workerLabels();
        labels.put("controller-revision-hash", statefulSet + "-" + revisionHash);
        labels.put("statefulset.kubernetes.io/pod-name", statefulSet + "-" + ordinal);
        return pod(ns, statefulSet + "-" + ordinal, labels, owner("apps/v1", "StatefulSet", statefulSet), ip, node,
                tag, extraEnv);
    }

    public static EnvVar env(String name, String value) {
        return new EnvVarBuilder().withName(name).withValue(value).build();
    }

    public static EnvVar secretEnv(String name, String secret, String key) {
        return new EnvVarBuilder().withName(name).withNewValueFrom().withNewSecretKeyRef().withName(secret)
                .withKey(key).endSecretKeyRef().endValueFrom().build();
    }

    private static PodBuilder pod(String ns, String name, Map<String, String> labels, OwnerReference owner, String ip,
                                  String node, String tag, EnvVar... extraEnv) {
        List<EnvVar> env = new ArrayList<>(List.of(env("AP_CONTAINER_TYPE", "WORKER"),
                env("AP_EXECUTION_MODE", "SANDBOX_PROCESS"), env("AP_WORKER_CONCURRENCY", "5"),
                env("AP_REUSE_SANDBOX", "true"), secretEnv("AP_API_KEY", "activepieces-secrets", "api-key")));
        for (EnvVar e : extraEnv) {
            env.removeIf(v -> v.getName().equals(e.getName()));
            env.add(e);
        }
        return new PodBuilder().withNewMetadata().withNamespace(ns).withName(name).withLabels(labels)
                .withOwnerReferences(owner).endMetadata()
                .withNewSpec().withNodeName(node)
                .addNewContainer().withName("activepieces").withImage(IMAGE + tag).withEnv(env)
                .addNewVolumeMount().withName("cache").withMountPath("/usr/src/app/cache").endVolumeMount()
                .endContainer()
                .addNewVolume().withName("cache").withNewPersistentVolumeClaim().withClaimName("cache-" + name)
                .endPersistentVolumeClaim().endVolume()
                .endSpec()
                .withNewStatus().withPhase("Running").withPodIP(ip).withHostIP("192.168.0.10")
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .withContainerStatuses(new ContainerStatusBuilder().withName("activepieces").withReady(true)
                        .withRestartCount(0).withImage(IMAGE + tag).withNewState().withNewRunning()
                        .withStartedAt("2026-11-27T21:00:00Z").endRunning().endState().build())
                .endStatus();
    }

    private static OwnerReference owner(String apiVersion, String kind, String name) {
        return new OwnerReferenceBuilder().withApiVersion(apiVersion).withKind(kind).withName(name)
                .withUid(kind.toLowerCase() + "-" + name).withController(true).build();
    }

    /** The kubelet stats summary JSON of one node: (namespace, pod, used bytes) per pod's cache PVC. */
    public static String statsSummary(String node, long capacity, Object[]... pods) {
        StringBuilder json = new StringBuilder("{\"node\":{\"nodeName\":\"" + node + "\"},\"pods\":[");
        for (int i = 0; i < pods.length; i++) {
            String ns = (String) pods[i][0];
            String pod = (String) pods[i][1];
            long used = ((Number) pods[i][2]).longValue();
            json.append(i == 0 ? "" : ",").append("""
                    {"podRef":{"name":"%s","namespace":"%s","uid":"u-%s"},"volume":[
                      {"time":"2026-11-27T22:00:00Z","availableBytes":%d,"capacityBytes":%d,"usedBytes":%d,
                       "name":"cache","pvcRef":{"name":"cache-%s","namespace":"%s"}},
                      {"time":"2026-11-27T22:00:00Z","availableBytes":1000,"capacityBytes":2000,"usedBytes":1000,
                       "name":"tmp"}]}
                    """.formatted(pod, ns, pod, capacity - used, capacity, used, pod, ns));
        }
        return json.append("]}").toString();
    }
}
