package dev.pitwall.demo.scenario;

import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.demo.world.ImageBehaviour;
import dev.pitwall.demo.world.Simulated;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The outage, replayed: first a new worker architecture goes to every shared worker at once (no canary), then a
 * namespace migration flips one enterprise customer's dedicated worker to SANDBOX_CODE_ONLY. The cluster simulator
 * and the platform simulator do the rest (volumes fill, pods crash-loop, runs fail at their steps).
 */
public final class IncidentScript implements Simulated {

    /** Simulated time after the start when the new architecture is rolled out to all shared workers. */
    public static final Duration ROLLOUT_AT = Duration.ofMinutes(5);
    /** Simulated time after the start when the namespace migration flips the customer's execution mode. */
    public static final Duration MIGRATION_AT = Duration.ofMinutes(12);

    private final KubernetesClient client;
    private final Instant start;
    private boolean rolledOut;
    private boolean migrated;

    public IncidentScript(KubernetesClient client, Instant start) {
        this.client = client;
        this.start = start;
    }

    @Override
    public void tick(Instant now, Duration step) {
        Duration elapsed = Duration.between(start, now);
        if (!rolledOut && elapsed.compareTo(ROLLOUT_AT) >= 0) {
            rolledOut = true;
            rollOutNewArchitecture();
        }
        if (!migrated && elapsed.compareTo(MIGRATION_AT) >= 0) {
            migrated = true;
            migrateFlippedCustomer();
        }
    }

    private void rollOutNewArchitecture() {
        client.apps().statefulSets().inNamespace(DemoFleet.SHARED_NAMESPACE).withName(DemoFleet.SHARED_WORKLOAD)
                .edit(sts -> {
                    annotate(sts.getMetadata(), "roll out the next-gen worker architecture to all shared workers");
                    // all at once, no canary: every shared worker is replaced in the same step
                    sts.getSpec().setUpdateStrategy(new io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategyBuilder()
                            .withType("RollingUpdate").withNewRollingUpdate()
                            .withMaxUnavailable(new io.fabric8.kubernetes.api.model.IntOrString("100%"))
                            .withPartition(0).endRollingUpdate().build());
                    sts.getSpec().getTemplate().getSpec().getContainers().get(0)
                            .setImage(ImageBehaviour.IMAGE_REPOSITORY + ":" + ImageBehaviour.INCIDENT_TAG);
                    return sts;
                });
    }

    private void migrateFlippedCustomer() {
        String customer = DemoFleet.FLIPPED_CUSTOMER;
        client.apps().deployments().inNamespace(DemoFleet.namespaceOf(customer))
                .withName(DemoFleet.workloadOf(customer))
                .edit(d -> {
                    annotate(d.getMetadata(), "namespace migration to " + DemoFleet.namespaceOf(customer));
                    List<EnvVar> env = d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
                    env.removeIf(e -> e.getName().equals("AP_EXECUTION_MODE"));
                    env.add(new EnvVar("AP_EXECUTION_MODE", "SANDBOX_CODE_ONLY", null));
                    return d;
                });
    }

    private static void annotate(io.fabric8.kubernetes.api.model.ObjectMeta meta, String cause) {
        if (meta.getAnnotations() == null) {
            meta.setAnnotations(new java.util.HashMap<>());
        }
        meta.getAnnotations().put("kubernetes.io/change-cause", cause);
    }
}
