package dev.pitwall.testing;

import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.demo.world.ImageBehaviour;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.ControllerRevisionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo fleet's worker workloads written into the fabric8 mock the way the cluster simulator shapes them: the
 * shared StatefulSet with ControllerRevisions, one Deployment per customer with ReplicaSets carrying revision and
 * change-cause annotations, and pods with the IPs {@code TestRoster} gives its workers (so heartbeats join).
 */
public final class DemoShapedWorkloads {

    public static final String STABLE_IMAGE = ImageBehaviour.IMAGE_REPOSITORY + ":" + ImageBehaviour.STABLE_TAG;
    public static final String OLD_IMAGE = ImageBehaviour.IMAGE_REPOSITORY + ":0.87.2";
    public static final Instant CREATED = Instant.parse("2026-11-20T09:00:00Z");

    private final KubernetesClient client;

    public DemoShapedWorkloads(KubernetesClient client) {
        this.client = client;
    }

    /** The shared StatefulSet (8 pods), two revisions, both declaring {@code mode}. */
    public void shared(String mode) {
        String ns = DemoFleet.SHARED_NAMESPACE;
        String name = DemoFleet.SHARED_WORKLOAD;
        Map<String, String> labels = labels(name);
        client.apps().statefulSets().inNamespace(ns).resource(new StatefulSetBuilder()
                .withMetadata(meta(ns, name, labels, null))
                .withNewSpec().withReplicas(DemoFleet.SHARED_REPLICAS).withNewSelector()
                .addToMatchLabels("app", name).endSelector()
                .withTemplate(template(labels, null, mode, STABLE_IMAGE)).endSpec().build()).create();
        OwnerReference owner = owner("StatefulSet", name);
        for (int revision = 1; revision <= 2; revision++) {
            PodTemplateSpec t = template(labels, null, mode, revision == 1 ? OLD_IMAGE : STABLE_IMAGE);
            client.apps().controllerRevisions().inNamespace(ns).resource(new ControllerRevisionBuilder()
                    .withMetadata(revisionMeta(ns, name + "-rev" + revision, labels, owner, revision,
                            revision == 1 ? "create the shared workers" : "upgrade to " + ImageBehaviour.STABLE_TAG))
                    .withRevision((long) revision)
                    .withData(Map.of("spec", Map.of("template", client.getKubernetesSerialization()
                            .convertValue(t, Map.class))))
                    .build()).create();
        }
        for (int i = 0; i < DemoFleet.SHARED_REPLICAS; i++) {
            pod(ns, name + "-" + i, "10.42.0." + (10 + i), labels);
        }
    }

    /** A customer's Deployment (2 pods) declaring {@code mode} (null: unset), revision 1 as its ReplicaSet. */
    public void dedicated(String customer, String mode) {
        String ns = DemoFleet.namespaceOf(customer);
        String name = DemoFleet.workloadOf(customer);
        Map<String, String> labels = labels(name);
        client.apps().deployments().inNamespace(ns).resource(new DeploymentBuilder()
                .withMetadata(meta(ns, name, labels, Map.of("kubernetes.io/change-cause", "create " + customer)))
                .withNewSpec().withReplicas(DemoFleet.DEDICATED_REPLICAS).withNewSelector()
                .addToMatchLabels("app", name).endSelector()
                .withTemplate(template(labels, DemoFleet.groupIdOf(customer), mode, STABLE_IMAGE)).endSpec().build())
                .create();
        replicaSet(customer, 1, "create " + customer);
        for (int i = 0; i < DemoFleet.DEDICATED_REPLICAS; i++) {
            pod(ns, name + "-" + i, "10.42." + (1 + DemoFleet.CUSTOMERS.indexOf(customer)) + "." + (10 + i), labels);
        }
    }

    /** What the incident's namespace migration does: a new env value and a new ReplicaSet revision. */
    public void flip(String customer, String mode, int revision, String cause) {
        String ns = DemoFleet.namespaceOf(customer);
        client.apps().deployments().inNamespace(ns).withName(DemoFleet.workloadOf(customer)).edit(d -> {
            d.getMetadata().getAnnotations().put("kubernetes.io/change-cause", cause);
            List<EnvVar> env = d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
            env.removeIf(e -> e.getName().equals("AP_EXECUTION_MODE"));
            env.add(new EnvVar("AP_EXECUTION_MODE", mode, null));
            return d;
        });
        replicaSet(customer, revision, cause);
    }

    /** A ReplicaSet recording the Deployment's current template as {@code revision}. */
    public void replicaSet(String customer, int revision, String cause) {
        String ns = DemoFleet.namespaceOf(customer);
        String name = DemoFleet.workloadOf(customer);
        Deployment d = client.apps().deployments().inNamespace(ns).withName(name).get();
        client.apps().replicaSets().inNamespace(ns).resource(new ReplicaSetBuilder()
                .withMetadata(revisionMeta(ns, name + "-rs" + revision, labels(name), owner("Deployment", name),
                        revision, cause))
                .withNewSpec().withReplicas(DemoFleet.DEDICATED_REPLICAS).withNewSelector()
                .addToMatchLabels("app", name).endSelector()
                .withTemplate(d.getSpec().getTemplate()).endSpec().build()).create();
    }

    /** AP_EXECUTION_MODE of a customer's Deployment as stored now, or null when unset. */
    public String declaredMode(String customer) {
        Deployment d = client.apps().deployments().inNamespace(DemoFleet.namespaceOf(customer))
                .withName(DemoFleet.workloadOf(customer)).get();
        return d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().equals("AP_EXECUTION_MODE")).map(EnvVar::getValue).findFirst().orElse(null);
    }

    private void pod(String ns, String name, String ip, Map<String, String> labels) {
        client.pods().inNamespace(ns).resource(new PodBuilder().withMetadata(meta(ns, name, labels, null))
                .withNewSpec().addNewContainer().withName("worker").withImage(STABLE_IMAGE).endContainer().endSpec()
                .withNewStatus().withPhase("Running").withPodIP(ip).endStatus().build()).create();
    }

    private static Map<String, String> labels(String app) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app", app);
        labels.put(DemoFleet.WORKER_LABEL_KEY, DemoFleet.WORKER_LABEL_VALUE);
        return labels;
    }

    private static ObjectMeta meta(String ns, String name, Map<String, String> labels,
                                   Map<String, String> annotations) {
        return new ObjectMetaBuilder().withNamespace(ns).withName(name).withLabels(labels)
                .withAnnotations(annotations == null ? null : new LinkedHashMap<>(annotations))
                .withCreationTimestamp(CREATED.toString()).build();
    }

    private static ObjectMeta revisionMeta(String ns, String name, Map<String, String> labels, OwnerReference owner,
                                           int revision, String cause) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("deployment.kubernetes.io/revision", String.valueOf(revision));
        annotations.put("kubernetes.io/change-cause", cause);
        return new ObjectMetaBuilder().withNamespace(ns).withName(name).withLabels(labels)
                .withAnnotations(annotations).withOwnerReferences(owner)
                .withCreationTimestamp(CREATED.plusSeconds(3600L * revision).toString()).build();
    }

    private static OwnerReference owner(String kind, String name) {
        return new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind(kind).withName(name)
                .withUid(kind + "-" + name).withController(true).build();
    }

    private static PodTemplateSpec template(Map<String, String> labels, String groupId, String mode, String image) {
        List<EnvVar> env = new ArrayList<>();
        env.add(new EnvVar("AP_CONTAINER_TYPE", "WORKER", null));
        if (groupId != null) {
            env.add(new EnvVar("AP_WORKER_GROUP_ID", groupId, null));
        }
        if (mode != null) {
            env.add(new EnvVar("AP_EXECUTION_MODE", mode, null));
        }
        return new PodTemplateSpecBuilder().withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("worker").withImage(image).withEnv(env).endContainer()
                .endSpec().build();
    }
}
