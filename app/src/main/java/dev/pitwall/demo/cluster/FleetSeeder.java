package dev.pitwall.demo.cluster;

import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.demo.world.ImageBehaviour;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Creates the demo fleet as it stands when the simulation starts: four nodes; the shared worker StatefulSet in
 * {@value DemoFleet#SHARED_NAMESPACE}; a dedicated worker Deployment per enterprise customer; each workload with a
 * history of three releases (0.86.1, 0.87.0 and the current stable tag) over the past six weeks, and, for the
 * {@link DemoFleet#FLIPPED_CUSTOMER}, a past revision that moved it to the trusted execution mode. Pods have been
 * running since the last release.
 */
final class FleetSeeder {

    static final String OLDEST_TAG = "0.86.1";
    static final String PREVIOUS_TAG = "0.87.0";

    private final WorkloadController.Context context;
    private final Instant start;

    FleetSeeder(WorkloadController.Context context, Instant start) {
        this.context = context;
        this.start = start;
    }

    /** When the nodes of a fleet seeded at {@code start} booted. */
    static Instant nodesBooted(Instant start) {
        return start.minus(Duration.ofDays(9));
    }

    /** Creates the fleet; returns the controllers of its workloads. */
    Map<Workload, WorkloadController> seed() {
        Set<String> images = Set.of(WorkerTemplates.image(OLDEST_TAG), WorkerTemplates.image(PREVIOUS_TAG),
                WorkerTemplates.image(ImageBehaviour.STABLE_TAG));
        for (Node node : context.nodes().objects(nodesBooted(start), images)) {
            context.api().create(node);
        }
        Map<Workload, WorkloadController> controllers = new TreeMap<>();
        namespace(DemoFleet.SHARED_NAMESPACE, "shared", null);
        seedShared(controllers);
        for (String customer : DemoFleet.CUSTOMERS) {
            namespace(DemoFleet.namespaceOf(customer), "dedicated", customer);
            seedDedicated(customer, controllers);
        }
        return controllers;
    }

    private void namespace(String name, String tier, String customer) {
        NamespaceBuilder namespace = new NamespaceBuilder().withNewMetadata().withName(name)
                .withCreationTimestamp(start.minus(Duration.ofDays(63)).toString())
                .addToLabels("kubernetes.io/metadata.name", name)
                .addToLabels("app.kubernetes.io/part-of", "activepieces")
                .addToLabels("pitwall.dev/tier", tier).endMetadata()
                .withNewStatus().withPhase("Active").endStatus();
        if (customer != null) {
            namespace.editMetadata().addToLabels("pitwall.dev/customer", customer).endMetadata();
        }
        Namespace object = namespace.build();
        context.api().create(object);
    }

    private void seedShared(Map<Workload, WorkloadController> controllers) {
        List<WorkloadController.PastRevision> history = new ArrayList<>();
        String release = "helm upgrade activepieces activepieces/activepieces -n " + DemoFleet.SHARED_NAMESPACE;
        history.add(past(WorkerTemplates.shared(OLDEST_TAG), 41, release + " --set image.tag=" + OLDEST_TAG));
        history.add(past(WorkerTemplates.shared(PREVIOUS_TAG), 19, release + " --set image.tag=" + PREVIOUS_TAG));
        history.add(past(WorkerTemplates.shared(ImageBehaviour.STABLE_TAG), 4,
                release + " --set image.tag=" + ImageBehaviour.STABLE_TAG));
        WorkloadController.PastRevision last = history.get(history.size() - 1);
        StatefulSet set = context.api().create(new StatefulSetBuilder()
                .withNewMetadata().withNamespace(DemoFleet.SHARED_NAMESPACE).withName(DemoFleet.SHARED_WORKLOAD)
                .withLabels(WorkerTemplates.workloadLabels(WorkerTemplates.SHARED_INSTANCE))
                .addToAnnotations(DeploymentController.CHANGE_CAUSE, last.changeCause())
                .addToAnnotations("meta.helm.sh/release-name", WorkerTemplates.SHARED_INSTANCE)
                .withCreationTimestamp(history.get(0).at().toString()).endMetadata()
                .withNewSpec().withReplicas(DemoFleet.SHARED_REPLICAS).withServiceName(DemoFleet.SHARED_WORKLOAD)
                .withPodManagementPolicy("Parallel").withRevisionHistoryLimit(10)
                .withNewSelector().withMatchLabels(WorkerTemplates.selector(WorkerTemplates.SHARED_INSTANCE))
                .endSelector()
                .withNewUpdateStrategy().withType("RollingUpdate").withNewRollingUpdate().withPartition(0)
                .endRollingUpdate().endUpdateStrategy()
                .withTemplate(last.template())
                .addToVolumeClaimTemplates(new PersistentVolumeClaimBuilder().withNewMetadata()
                        .withName(CacheVolume.NAME).endMetadata().withNewSpec().withAccessModes("ReadWriteOnce")
                        .withStorageClassName("gp3").withNewResources()
                        .addToRequests("storage", WorkerTemplates.cacheSize()).endResources().endSpec().build())
                .endSpec().build());
        StatefulSetController controller = new StatefulSetController(context, set);
        controller.seed(history);
        controllers.put(new Workload(Workload.STATEFUL_SET, DemoFleet.SHARED_NAMESPACE, DemoFleet.SHARED_WORKLOAD),
                controller);
    }

    private void seedDedicated(String customer, Map<Workload, WorkloadController> controllers) {
        String namespace = DemoFleet.namespaceOf(customer);
        String name = DemoFleet.workloadOf(customer);
        String instance = WorkerTemplates.dedicatedInstance(customer);
        String release = "helm upgrade " + instance + " activepieces/activepieces -n " + namespace;
        boolean flipped = customer.equals(DemoFleet.FLIPPED_CUSTOMER);
        // the flipped customer ran untrusted until its trusted environment was enabled between two releases
        String earlyMode = flipped ? WorkerTemplates.SHARED_MODE : WorkerTemplates.DEDICATED_MODE;
        List<WorkloadController.PastRevision> history = new ArrayList<>();
        history.add(past(WorkerTemplates.dedicated(customer, OLDEST_TAG, earlyMode), 41,
                release + " --set image.tag=" + OLDEST_TAG));
        history.add(past(WorkerTemplates.dedicated(customer, PREVIOUS_TAG, earlyMode), 19,
                release + " --set image.tag=" + PREVIOUS_TAG));
        if (flipped) {
            history.add(past(WorkerTemplates.dedicated(customer, PREVIOUS_TAG, WorkerTemplates.DEDICATED_MODE), 12,
                    "kubectl set env deployment/" + name + " AP_EXECUTION_MODE=" + WorkerTemplates.DEDICATED_MODE
                            + " (trusted environment enabled for " + customer + ")"));
        }
        history.add(past(WorkerTemplates.dedicated(customer, ImageBehaviour.STABLE_TAG, WorkerTemplates.DEDICATED_MODE),
                4, release + " --set image.tag=" + ImageBehaviour.STABLE_TAG));
        WorkloadController.PastRevision last = history.get(history.size() - 1);
        Deployment deployment = context.api().create(new DeploymentBuilder()
                .withNewMetadata().withNamespace(namespace).withName(name)
                .withLabels(WorkerTemplates.workloadLabels(instance))
                .addToAnnotations(DeploymentController.CHANGE_CAUSE, last.changeCause())
                .addToAnnotations(DeploymentController.REVISION, String.valueOf(history.size()))
                .addToAnnotations("meta.helm.sh/release-name", instance)
                .withCreationTimestamp(history.get(0).at().toString()).endMetadata()
                .withNewSpec().withReplicas(DemoFleet.DEDICATED_REPLICAS).withRevisionHistoryLimit(10)
                .withNewSelector().withMatchLabels(WorkerTemplates.selector(instance)).endSelector()
                .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
                .withMaxSurge(new IntOrString(1)).withMaxUnavailable(new IntOrString(0)).endRollingUpdate()
                .endStrategy()
                .withTemplate(last.template())
                .endSpec().build());
        DeploymentController controller = new DeploymentController(context, deployment);
        controller.seed(history);
        controllers.put(new Workload(Workload.DEPLOYMENT, namespace, name), controller);
    }

    /** A past release {@code daysAgo} days before the start, at a time of day that varies with the seed. */
    private WorkloadController.PastRevision past(PodTemplateSpec template, int daysAgo, String changeCause) {
        Instant at = start.minus(Duration.ofDays(daysAgo)).plus(Duration.ofMinutes(context.random().nextInt(600)));
        return new WorkloadController.PastRevision(template, at, changeCause);
    }
}
