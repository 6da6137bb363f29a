package dev.pitwall.app;

import dev.pitwall.ops.guard.WriteGuard;
import dev.pitwall.ops.guard.Confirmer;
import dev.pitwall.model.BackendKind;
import dev.pitwall.demo.DemoEnvironment;
import dev.pitwall.demo.scenario.Scenario;
import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.demo.world.ImageBehaviour;
import dev.pitwall.files.HashChainedAuditLog;
import dev.pitwall.kube.KubeClients;
import dev.pitwall.kube.KubeRollbackCluster;
import dev.pitwall.ops.audit.AuditEntry;
import dev.pitwall.ops.rollback.Change;
import dev.pitwall.ops.rollback.PlanTest;
import dev.pitwall.ops.rollback.Revision;
import dev.pitwall.ops.rollback.RevisionDiff;
import dev.pitwall.ops.rollback.RollbackPlan;
import dev.pitwall.ops.rollback.RollbackPlanner;
import dev.pitwall.ops.rollback.RollbackRefused;
import dev.pitwall.ops.rollback.RollbackRunner;
import dev.pitwall.ops.rollback.Verification;
import dev.pitwall.ops.rollback.WorkloadRef;
import dev.pitwall.redis.RedisClients;
import dev.pitwall.redis.RedisHeartbeats;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rollback plans against the demo incident, through the real adapters (fabric8 over HTTP, Redis), world moved by hand. */
class RollbackIncidentTest {

    private static final String STABLE = ImageBehaviour.IMAGE_REPOSITORY + ":" + ImageBehaviour.STABLE_TAG;

    @RegisterExtension
    final ConsoleWorld world = ConsoleWorld.demo(Scenario.INCIDENT, 42).advancedBy(Duration.ofMinutes(20));
    private Path state;
    private DemoEnvironment demo;
    private KubernetesClient kube;
    private RedisClient redis;
    private RollbackPlanner planner;
    private RollbackRunner runner;
    private HashChainedAuditLog audit;

    @BeforeEach
    void startIncident() {
        demo = world.demo();
        state = world.stateDir();
        kube = KubeClients.open(demo.profile());
        redis = RedisClients.open(demo.profile(), ref -> java.util.Optional.empty());
        KubeRollbackCluster cluster = new KubeRollbackCluster(kube);
        Backends backends = new Backends(ref -> java.util.Optional.empty(), state);
        WriteGuard guard = TestGuards.demo(demo.profile(), backends, Clock.systemUTC());
        planner = new RollbackPlanner(cluster, guard.identity(BackendKind.KUBERNETES), Clock.systemUTC());
        audit = new HashChainedAuditLog(state.resolve("audit.jsonl"));
        runner = new RollbackRunner(cluster, new RedisHeartbeats(redis), guard, audit, "test", Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        kube.close();
        redis.close();
    }

    private WorkloadRef shared() {
        return planner.workload(DemoFleet.SHARED_NAMESPACE, DemoFleet.SHARED_WORKLOAD);
    }

    @Test
    void theDiffBetweenTheBadAndTheGoodRevisionShowsTheImageAndTheTrustChange() {
        List<Revision> history = planner.history(shared());
        Revision bad = history.get(history.size() - 1);
        assertThat(bad.images()).allMatch(i -> i.endsWith(ImageBehaviour.INCIDENT_TAG));
        RevisionDiff diff = planner.diff(shared(), bad.number(), history.get(history.size() - 2).number());
        assertThat(diff.changes()).anyMatch(c -> c.area().equals("image") && c.before().endsWith(ImageBehaviour.INCIDENT_TAG)
                && c.after().equals(STABLE));
        assertThat(diff.changesTrust()).isFalse();

        WorkloadRef globex = planner.workload(DemoFleet.namespaceOf(DemoFleet.FLIPPED_CUSTOMER),
                DemoFleet.workloadOf(DemoFleet.FLIPPED_CUSTOMER));
        assertThat(globex.kind()).isEqualTo(WorkloadRef.Kind.DEPLOYMENT);
        List<Revision> g = planner.history(globex);
        RevisionDiff trust = planner.diff(globex, g.get(g.size() - 2).number(), g.get(g.size() - 1).number());
        assertThat(trust.changes()).filteredOn(Change::trust).singleElement()
                .satisfies(c -> assertThat(c.after()).isEqualTo("SANDBOX_CODE_ONLY"));
    }

    @Test
    void aTestedPlanRollsTheSharedWorkersBackAndRestoresTheirConfigMap() throws Exception {
        // a ConfigMap the bad revision reads: the plan must put back its content as it was when planned
        kube.configMaps().inNamespace(DemoFleet.SHARED_NAMESPACE).resource(new ConfigMapBuilder().withNewMetadata()
                .withName("worker-settings").endMetadata().withData(Map.of("AP_CACHE_LIMIT", "2Gi")).build()).create();
        // the good revision's template references it too: put it on the stable template, then the bad one again
        editShared(STABLE, true);
        demo.advance(Duration.ofMinutes(5));
        editShared(ImageBehaviour.IMAGE_REPOSITORY + ":" + ImageBehaviour.INCIDENT_TAG, true);
        demo.advance(Duration.ofMinutes(5));

        RollbackPlan plan = planner.plan(shared(), null);
        assertThat(plan.targetImages()).containsExactly(STABLE);
        assertThat(plan.configMaps()).containsEntry("worker-settings", Map.of("AP_CACHE_LIMIT", "2Gi"));
        kube.configMaps().inNamespace(DemoFleet.SHARED_NAMESPACE).withName("worker-settings")
                .edit(cm -> new ConfigMapBuilder(cm).withData(Map.of("AP_CACHE_LIMIT", "50Gi")).build());

        PlanTest test = runner.test(plan);
        assertThat(test.problems()).isEmpty();
        assertThat(test.passed()).anyMatch(p -> p.startsWith("dry run accepted: write the target pod template"));
        runner.execute(plan, Confirmer.yes(), step -> { });
        assertThat(kube.configMaps().inNamespace(DemoFleet.SHARED_NAMESPACE).withName("worker-settings").get()
                .getData()).containsEntry("AP_CACHE_LIMIT", "2Gi");

        Verification v = runner.awaitVerified(plan, Duration.ofHours(2), Duration.ofMinutes(1),
                step -> demo.advance(step));
        assertThat(v.failures()).isEmpty();
        assertThat(v.rollout().pods()).hasSize(DemoFleet.SHARED_REPLICAS).allMatch(p -> p.ready() && !p.crashLooping());
        assertThat(audit.entries()).extracting(AuditEntry::action)
                .contains("rollback.plan.tested", "rollback.executed", "rollback.verified");

        // the fill has stopped: a filling cache gains two thirds or more of its capacity in half an hour, a stable
        // worker's levels off far below; and no pod restarts
        Map<String, Double> usedBefore = cacheUse();
        int restarts = v.rollout().pods().stream().mapToInt(p -> p.restarts()).sum();
        demo.advance(Duration.ofMinutes(30));
        Map<String, Double> usedAfter = cacheUse();
        assertThat(usedAfter).hasSize(DemoFleet.SHARED_REPLICAS).allSatisfy((pod, share) -> {
            assertThat(share).as(pod).isLessThan(0.9);
            assertThat(share).as(pod).isLessThanOrEqualTo(usedBefore.getOrDefault(pod, 1.0) + 0.2);
        });
        assertThat(runner.verify(plan).rollout().pods().stream().mapToInt(p -> p.restarts()).sum())
                .isEqualTo(restarts);
    }

    /** Share of each shared worker's cache volume in use, from the kubelets' stats summaries. */
    private Map<String, Double> cacheUse() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        Map<String, Double> byPod = new java.util.HashMap<>();
        for (var node : kube.nodes().list().getItems()) {
            var summary = json.readTree(kube.raw("/api/v1/nodes/" + node.getMetadata().getName()
                    + "/proxy/stats/summary"));
            for (var pod : summary.path("pods")) {
                if (!pod.path("podRef").path("namespace").asText().equals(DemoFleet.SHARED_NAMESPACE)) {
                    continue;
                }
                for (var v : pod.path("volume")) {
                    if (v.path("name").asText().equals("cache")) {
                        byPod.put(pod.path("podRef").path("name").asText(),
                                v.path("usedBytes").asDouble() / v.path("capacityBytes").asDouble());
                    }
                }
            }
        }
        return byPod;
    }

    @Test
    void aStalePlanIsRefusedShowingWhatChangedAndNothingIsWritten() {
        RollbackPlan plan = planner.plan(shared(), null);
        editShared(ImageBehaviour.IMAGE_REPOSITORY + ":0.89.0", false);
        String before = template();
        assertThatThrownBy(() -> runner.execute(plan, Confirmer.yes(), step -> { })).isInstanceOf(RollbackRefused.class)
                .hasMessageContaining("stale plan").hasMessageContaining("0.89.0");
        assertThat(template()).isEqualTo(before);
        assertThat(audit.entries()).extracting(AuditEntry::action).contains("rollback.refused");
    }

    @Test
    void aForbiddenVerbIsRefusedBeforeAnyWrite() {
        RollbackPlan plan = planner.plan(shared(), null);
        demo.kube().forbid("patch", "statefulsets");
        String before = template();
        assertThatThrownBy(() -> runner.execute(plan, Confirmer.yes(), step -> { })).isInstanceOf(RollbackRefused.class)
                .hasMessageContaining("forbidden: the current credentials may not patch statefulsets");
        assertThat(template()).isEqualTo(before).contains(ImageBehaviour.INCIDENT_TAG);
    }

    @Test
    void aDryRunTheServerRejectsRefusesTheRollbackBeforeAnyWrite() throws Exception {
        kube.configMaps().inNamespace(DemoFleet.SHARED_NAMESPACE).resource(new ConfigMapBuilder().withNewMetadata()
                .withName("worker-settings").endMetadata().withData(Map.of("AP_CACHE_LIMIT", "2Gi")).build()).create();
        editShared(STABLE, true);
        demo.advance(Duration.ofMinutes(5));
        editShared(ImageBehaviour.IMAGE_REPOSITORY + ":" + ImageBehaviour.INCIDENT_TAG, true);
        demo.advance(Duration.ofMinutes(5));
        RollbackPlan plan = planner.plan(shared(), null);
        kube.configMaps().inNamespace(DemoFleet.SHARED_NAMESPACE).withName("worker-settings").delete();
        String before = template();
        assertThatThrownBy(() -> runner.execute(plan, Confirmer.yes(), step -> { })).isInstanceOf(RollbackRefused.class)
                .hasMessageContaining("the server rejected a dry run to restore ConfigMap ap-shared/worker-settings");
        assertThat(template()).isEqualTo(before);
        assertThat(kube.configMaps().inNamespace(DemoFleet.SHARED_NAMESPACE).withName("worker-settings").get())
                .isNull();
    }

    @Test
    void aTargetRevisionRemovedSinceThePlanIsRefused() {
        RollbackPlan plan = planner.plan(shared(), null);
        kube.apps().controllerRevisions().inNamespace(DemoFleet.SHARED_NAMESPACE).list().getItems().stream()
                .filter(r -> r.getRevision() == plan.targetRevision())
                .forEach(r -> kube.apps().controllerRevisions().resource(r).delete());
        String before = template();
        assertThatThrownBy(() -> runner.execute(plan, Confirmer.yes(), step -> { })).isInstanceOf(RollbackRefused.class)
                .hasMessageContaining("target revision " + plan.targetRevision() + " of statefulset "
                        + "ap-shared/activepieces-worker no longer exists");
        assertThat(template()).isEqualTo(before);
    }

    @Test
    void aTargetRevisionThatDoesNotExistIsAClearError() {
        assertThatThrownBy(() -> planner.plan(shared(), 999L)).hasMessageContaining("has no revision 999");
    }

    private String template() {
        return kube.apps().statefulSets().inNamespace(DemoFleet.SHARED_NAMESPACE).withName(DemoFleet.SHARED_WORKLOAD)
                .get().getSpec().getTemplate().toString();
    }

    private void editShared(String image, boolean withSettings) {
        kube.apps().statefulSets().inNamespace(DemoFleet.SHARED_NAMESPACE).withName(DemoFleet.SHARED_WORKLOAD)
                .edit(s -> {
                    var c = s.getSpec().getTemplate().getSpec().getContainers().get(0);
                    c.setImage(image);
                    if (withSettings && c.getEnvFrom().isEmpty()) {
                        c.getEnvFrom().add(new EnvFromSourceBuilder().withNewConfigMapRef()
                                .withName("worker-settings").endConfigMapRef().build());
                    }
                    return s;
                });
    }
}
