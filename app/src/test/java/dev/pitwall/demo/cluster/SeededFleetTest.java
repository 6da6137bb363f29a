package dev.pitwall.demo.cluster;

import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.demo.world.ImageBehaviour;
import dev.pitwall.demo.world.SimClock;
import dev.pitwall.demo.world.SimWorker;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The seeded demo fleet as any Kubernetes client sees it. */
class SeededFleetTest {

    private static final String MOUNT = DemoFleet.CACHE_MOUNT;
    private static SimulatedCluster world;

    @BeforeAll
    static void seed() {
        world = SimulatedCluster.start(7);
        world.advance(Duration.ofSeconds(30));
    }

    @AfterAll
    static void close() {
        world.close();
    }

    @Test
    void fourNodesAndLabelledNamespacesForTheSharedAndEachDedicatedTier() {
        assertThat(world.client.nodes().list().getItems()).extracting(n -> n.getMetadata().getName())
                .containsExactly("node-1", "node-2", "node-3", "node-4");
        Map<String, String> tiers = world.client.namespaces().list().getItems().stream().collect(Collectors.toMap(
                n -> n.getMetadata().getName(), n -> n.getMetadata().getLabels().get("pitwall.dev/tier")));
        assertThat(tiers).containsEntry("ap-shared", "shared").containsEntry("ap-dedicated-acme", "dedicated")
                .containsEntry("ap-dedicated-globex", "dedicated").containsEntry("ap-dedicated-initech", "dedicated");
        Namespace globex = world.client.namespaces().withName("ap-dedicated-globex").get();
        assertThat(globex.getMetadata().getLabels()).containsEntry("pitwall.dev/customer", "globex");
    }

    @Test
    void sharedWorkersAreAStatefulSetOfEightWithATwoGibCacheClaimPerPod() {
        StatefulSet set = world.client.apps().statefulSets().inNamespace("ap-shared").withName("activepieces-worker")
                .get();
        assertThat(set.getSpec().getReplicas()).isEqualTo(8);
        assertWorkerLabels(set, "activepieces");
        assertWorkerLabels(set.getSpec().getTemplate().getMetadata(), "activepieces");
        PersistentVolumeClaim claim = set.getSpec().getVolumeClaimTemplates().get(0);
        assertThat(claim.getMetadata().getName()).isEqualTo("cache");
        assertThat(Quantity.getAmountInBytes(claim.getSpec().getResources().getRequests().get("storage")).longValue())
                .isEqualTo(DemoFleet.CACHE_BYTES);
        Container worker = set.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(worker.getVolumeMounts()).anyMatch(m -> m.getName().equals("cache") && m.getMountPath().equals(MOUNT));
        assertThat(env(worker)).containsEntry("AP_CONTAINER_TYPE", "WORKER")
                .containsEntry("AP_EXECUTION_MODE", "SANDBOX_CODE_AND_PROCESS")
                .containsEntry("AP_WORKER_CONCURRENCY", "10").containsEntry("AP_REUSE_SANDBOX", "true")
                .doesNotContainKey("AP_WORKER_GROUP_ID");

        List<Pod> pods = world.client.pods().inNamespace("ap-shared").list().getItems();
        assertThat(pods).extracting(p -> p.getMetadata().getName()).containsExactlyInAnyOrder(
                "activepieces-worker-0", "activepieces-worker-1", "activepieces-worker-2", "activepieces-worker-3",
                "activepieces-worker-4", "activepieces-worker-5", "activepieces-worker-6", "activepieces-worker-7");
        for (Pod pod : pods) {
            assertWorkerLabels(pod, "activepieces");
            assertRunningAndReady(pod);
            String ordinal = pod.getMetadata().getName().substring("activepieces-worker-".length());
            assertThat(pod.getSpec().getVolumes()).anyMatch(v -> v.getName().equals("cache")
                    && v.getPersistentVolumeClaim().getClaimName().equals("cache-activepieces-worker-" + ordinal));
            assertThat(pod.getMetadata().getLabels()).containsEntry("controller-revision-hash",
                    set.getStatus().getCurrentRevision());
        }
        List<PersistentVolumeClaim> claims = world.client.persistentVolumeClaims().inNamespace("ap-shared").list()
                .getItems();
        assertThat(claims).hasSize(8).allSatisfy(c -> {
            assertThat(c.getMetadata().getName()).startsWith("cache-activepieces-worker-");
            assertThat(c.getStatus().getPhase()).isEqualTo("Bound");
        });
        assertThat(set.getStatus().getReadyReplicas()).isEqualTo(8);
        assertThat(set.getStatus().getObservedGeneration()).isEqualTo(set.getMetadata().getGeneration());
    }

    @Test
    void eachEnterpriseCustomerHasADedicatedWorkerGroupOfTwoWithItsGroupIdAndAnEmptyDirCache() {
        for (String customer : DemoFleet.CUSTOMERS) {
            String namespace = "ap-dedicated-" + customer;
            Deployment deployment = world.client.apps().deployments().inNamespace(namespace)
                    .withName("activepieces-worker-" + customer).get();
            assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
            assertWorkerLabels(deployment, "activepieces-" + customer);
            PodTemplateSpec template = deployment.getSpec().getTemplate();
            assertWorkerLabels(template.getMetadata(), "activepieces-" + customer);
            Container worker = template.getSpec().getContainers().get(0);
            assertThat(env(worker)).containsEntry("AP_WORKER_GROUP_ID", "wg-" + customer)
                    .containsEntry("AP_EXECUTION_MODE", "SANDBOX_PROCESS").containsEntry("AP_CONTAINER_TYPE", "WORKER")
                    .containsEntry("AP_REUSE_SANDBOX", "true").containsKey("AP_WORKER_CONCURRENCY");
            Volume cache = template.getSpec().getVolumes().stream().filter(v -> v.getName().equals("cache"))
                    .findFirst().orElseThrow();
            assertThat(Quantity.getAmountInBytes(cache.getEmptyDir().getSizeLimit()).longValue())
                    .isEqualTo(DemoFleet.CACHE_BYTES);
            assertThat(worker.getVolumeMounts()).anyMatch(m -> m.getName().equals("cache")
                    && m.getMountPath().equals(MOUNT));
            List<Pod> pods = world.client.pods().inNamespace(namespace).list().getItems();
            assertThat(pods).hasSize(2).allSatisfy(pod -> {
                assertWorkerLabels(pod, "activepieces-" + customer);
                assertRunningAndReady(pod);
                assertThat(pod.getMetadata().getName()).startsWith("activepieces-worker-" + customer + "-");
            });
            assertThat(deployment.getStatus().getAvailableReplicas()).isEqualTo(2);
            assertThat(deployment.getStatus().getUpdatedReplicas()).isEqualTo(2);
            assertThat(deployment.getStatus().getObservedGeneration())
                    .isEqualTo(deployment.getMetadata().getGeneration());
        }
    }

    @Test
    void everyDeploymentHasAtLeastThreeReplicaSetRevisionsWithDistinctImagesFromBeforeTheStart() {
        for (String customer : DemoFleet.CUSTOMERS) {
            String namespace = "ap-dedicated-" + customer;
            Deployment deployment = world.client.apps().deployments().inNamespace(namespace)
                    .withName("activepieces-worker-" + customer).get();
            List<ReplicaSet> sets = world.client.apps().replicaSets().inNamespace(namespace).list().getItems()
                    .stream().sorted(Comparator.comparingInt(rs -> revision(rs.getMetadata()))).toList();
            assertThat(sets).hasSizeGreaterThanOrEqualTo(3);
            assertThat(sets.stream().map(rs -> image(rs.getSpec().getTemplate())).distinct())
                    .hasSizeGreaterThanOrEqualTo(3)
                    .contains("ghcr.io/activepieces/activepieces:0.86.1", "ghcr.io/activepieces/activepieces:0.87.0",
                            "ghcr.io/activepieces/activepieces:" + ImageBehaviour.STABLE_TAG);
            assertCreatedInOrderBeforeTheStart(sets);
            for (ReplicaSet rs : sets) {
                String hash = rs.getMetadata().getLabels().get("pod-template-hash");
                assertThat(rs.getMetadata().getName()).isEqualTo("activepieces-worker-" + customer + "-" + hash);
                assertThat(rs.getSpec().getSelector().getMatchLabels()).containsEntry("pod-template-hash", hash);
                assertThat(rs.getMetadata().getAnnotations().get("kubernetes.io/change-cause")).isNotBlank();
                assertThat(rs.getMetadata().getOwnerReferences().get(0).getUid())
                        .isEqualTo(deployment.getMetadata().getUid());
            }
            ReplicaSet newest = sets.get(sets.size() - 1);
            assertThat(deployment.getMetadata().getAnnotations().get("deployment.kubernetes.io/revision"))
                    .isEqualTo(newest.getMetadata().getAnnotations().get("deployment.kubernetes.io/revision"));
            assertThat(newest.getSpec().getReplicas()).isEqualTo(2);
            assertThat(sets.subList(0, sets.size() - 1)).allSatisfy(rs -> assertThat(rs.getSpec().getReplicas())
                    .isZero());
        }
    }

    @Test
    void theSharedStatefulSetHasThreeControllerRevisionsWithDistinctImagesFromBeforeTheStart() {
        StatefulSet set = world.client.apps().statefulSets().inNamespace("ap-shared").withName("activepieces-worker")
                .get();
        List<ControllerRevision> revisions = world.client.apps().controllerRevisions().inNamespace("ap-shared")
                .list().getItems().stream().sorted(Comparator.comparingLong(ControllerRevision::getRevision)).toList();
        assertThat(revisions).extracting(ControllerRevision::getRevision).containsExactly(1L, 2L, 3L);
        assertThat(revisions.stream().map(r -> image(revisionTemplate(r))).distinct()).hasSize(3);
        assertCreatedInOrderBeforeTheStart(revisions);
        ControllerRevision newest = revisions.get(2);
        assertThat(set.getStatus().getCurrentRevision()).isEqualTo(newest.getMetadata().getName());
        assertThat(set.getStatus().getUpdateRevision()).isEqualTo(newest.getMetadata().getName());
        assertThat(image(revisionTemplate(newest))).endsWith(":" + ImageBehaviour.STABLE_TAG);
        assertThat(revisions).allSatisfy(r -> {
            assertThat(r.getMetadata().getAnnotations().get("kubernetes.io/change-cause")).contains("image.tag=");
            assertThat(r.getMetadata().getOwnerReferences().get(0).getUid()).isEqualTo(set.getMetadata().getUid());
            assertWorkerLabels(r, "activepieces");
        });
    }

    @Test
    void theFlippedCustomersHistoryShowsItsMoveFromCodeAndProcessSandboxingToTheTrustedMode() {
        String namespace = DemoFleet.namespaceOf(DemoFleet.FLIPPED_CUSTOMER);
        List<String> modes = world.client.apps().replicaSets().inNamespace(namespace).list().getItems().stream()
                .sorted(Comparator.comparingInt(rs -> revision(rs.getMetadata())))
                .map(rs -> env(rs.getSpec().getTemplate().getSpec().getContainers().get(0)).get("AP_EXECUTION_MODE"))
                .toList();
        assertThat(modes).containsSubsequence("SANDBOX_CODE_AND_PROCESS", "SANDBOX_PROCESS");
        assertThat(modes.get(modes.size() - 1)).isEqualTo("SANDBOX_PROCESS");
        for (String other : List.of("acme", "initech")) {
            assertThat(world.client.apps().replicaSets().inNamespace("ap-dedicated-" + other).list().getItems())
                    .allSatisfy(rs -> assertThat(env(rs.getSpec().getTemplate().getSpec().getContainers().get(0)))
                            .containsEntry("AP_EXECUTION_MODE", "SANDBOX_PROCESS"));
        }
    }

    @Test
    void theRosterListsEveryWorkerPodRunningTheStableVersionWithItsQueueModeAndCache() {
        List<SimWorker> workers = world.simulator.workers();
        assertThat(workers).hasSize(14).allSatisfy(w -> {
            assertThat(w.running()).isTrue();
            assertThat(w.version()).isEqualTo(ImageBehaviour.STABLE_TAG);
            assertThat(w.podIp()).startsWith("10.244.");
            assertThat(w.diskTotalBytes()).isEqualTo(DemoFleet.CACHE_BYTES);
            assertThat(w.diskUsedBytes()).isBetween(1L, DemoFleet.CACHE_BYTES / 2);
        });
        assertThat(workers.stream().filter(w -> w.groupId() == null)).hasSize(8).allSatisfy(w -> {
            assertThat(w.queue()).isEqualTo("workerJobs");
            assertThat(w.executionMode()).isEqualTo("SANDBOX_CODE_AND_PROCESS");
            assertThat(w.concurrency()).isEqualTo(10);
            assertThat(w.workload()).isEqualTo("activepieces-worker");
        });
        assertThat(workers.stream().filter(w -> "wg-globex".equals(w.groupId()))).hasSize(2)
                .allSatisfy(w -> {
                    assertThat(w.queue()).isEqualTo("platform-wg-globex-jobs");
                    assertThat(w.executionMode()).isEqualTo("SANDBOX_PROCESS");
                    assertThat(w.namespace()).isEqualTo("ap-dedicated-globex");
                });
        Map<String, String> ipsByPod = world.client.pods().inAnyNamespace().list().getItems().stream()
                .collect(Collectors.toMap(p -> p.getMetadata().getName(), p -> p.getStatus().getPodIP()));
        assertThat(workers).allSatisfy(w -> assertThat(ipsByPod).containsEntry(w.pod(), w.podIp()));
    }

    @Test
    void aSteadyFleetCostsNoRequestsPerTick() {
        AtomicInteger requests = new AtomicInteger();
        world.cluster.addRequestListener(request -> requests.incrementAndGet());
        world.advance(Duration.ofMinutes(10));
        assertThat(requests).hasValue(0);
    }

    private static void assertCreatedInOrderBeforeTheStart(List<? extends HasMetadata> revisions) {
        List<Instant> created = revisions.stream().map(r -> Instant.parse(r.getMetadata().getCreationTimestamp()))
                .toList();
        assertThat(created).isSorted().allSatisfy(t -> assertThat(t).isBefore(SimClock.EPOCH));
        assertThat(Duration.between(created.get(0), SimClock.EPOCH)).isGreaterThan(Duration.ofDays(30));
    }

    private static void assertWorkerLabels(HasMetadata object, String instance) {
        assertWorkerLabels(object.getMetadata(), instance);
    }

    private static void assertWorkerLabels(io.fabric8.kubernetes.api.model.ObjectMeta meta, String instance) {
        assertThat(meta.getLabels()).containsEntry("app.kubernetes.io/name", "activepieces")
                .containsEntry("app.kubernetes.io/instance", instance)
                .containsEntry(DemoFleet.WORKER_LABEL_KEY, DemoFleet.WORKER_LABEL_VALUE);
    }

    private static void assertRunningAndReady(Pod pod) {
        assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
        assertThat(pod.getStatus().getContainerStatuses().get(0).getReady()).isTrue();
        assertThat(pod.getStatus().getConditions()).anyMatch(c -> c.getType().equals("Ready")
                && c.getStatus().equals("True"));
        assertThat(pod.getSpec().getNodeName()).startsWith("node-");
        assertThat(Instant.parse(pod.getMetadata().getCreationTimestamp())).isBefore(SimClock.EPOCH);
    }

    static Map<String, String> env(Container container) {
        return container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    static int revision(io.fabric8.kubernetes.api.model.ObjectMeta meta) {
        return Integer.parseInt(meta.getAnnotations().get("deployment.kubernetes.io/revision"));
    }

    static String image(PodTemplateSpec template) {
        return template.getSpec().getContainers().get(0).getImage();
    }

    static PodTemplateSpec revisionTemplate(ControllerRevision revision) {
        Map<?, ?> data = Serialization.unmarshal(Serialization.asJson(revision.getData()), Map.class);
        return Serialization.unmarshal(Serialization.asJson(((Map<?, ?>) data.get("spec")).get("template")),
                PodTemplateSpec.class);
    }
}
