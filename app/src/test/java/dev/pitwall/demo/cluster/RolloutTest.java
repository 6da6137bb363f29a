package dev.pitwall.demo.cluster;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.pitwall.demo.cluster.SeededFleetTest.image;
import static dev.pitwall.demo.cluster.SeededFleetTest.revision;
import static dev.pitwall.demo.cluster.SeededFleetTest.revisionTemplate;
import static org.assertj.core.api.Assertions.assertThat;

/** Template changes, rollbacks, scaling and deletions, made through the real client, played out by the simulator. */
class RolloutTest {

    private static final String NEXT_IMAGE = "ghcr.io/activepieces/activepieces:0.87.4";
    private static final String STABLE_IMAGE = "ghcr.io/activepieces/activepieces:0.87.3";
    private static final Duration TICK = Duration.ofSeconds(5);

    private SimulatedCluster world;

    @BeforeEach
    void start() {
        world = SimulatedCluster.start(11);
        world.advance(TICK);
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void aNewImageOnTheSharedStatefulSetBecomesARevisionRolledToEveryPodFromTheHighestOrdinalDown() {
        world.client.apps().statefulSets().inNamespace("ap-shared").withName("activepieces-worker").edit(set -> {
            set.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(NEXT_IMAGE);
            return set;
        });
        world.advance(TICK);
        ControllerRevision created = world.client.apps().controllerRevisions().inNamespace("ap-shared").list()
                .getItems().stream().max(Comparator.comparingLong(ControllerRevision::getRevision)).orElseThrow();
        assertThat(created.getRevision()).isEqualTo(4);
        assertThat(image(revisionTemplate(created))).isEqualTo(NEXT_IMAGE);
        StatefulSet set = sharedSet();
        assertThat(set.getStatus().getUpdateRevision()).isEqualTo(created.getMetadata().getName());
        assertThat(set.getStatus().getCurrentRevision()).isNotEqualTo(created.getMetadata().getName());
        assertThat(set.getStatus().getObservedGeneration()).isEqualTo(set.getMetadata().getGeneration());

        List<String> replacedInOrder = new ArrayList<>();
        boolean sawTerminating = false;
        int fewestUpdated = 8;
        var deadline = world.now().plus(Duration.ofMinutes(20));
        while (replacedInOrder.size() < 8) {
            assertThat(world.now()).as("rollout still going after 20 minutes").isBefore(deadline);
            world.advance(TICK);
            for (Pod pod : world.client.pods().inNamespace("ap-shared").list().getItems()) {
                sawTerminating |= pod.getMetadata().getDeletionTimestamp() != null;
                if (created.getMetadata().getName().equals(pod.getMetadata().getLabels().get("controller-revision-hash"))
                        && !replacedInOrder.contains(pod.getMetadata().getName())) {
                    replacedInOrder.add(pod.getMetadata().getName());
                }
            }
            fewestUpdated = Math.min(fewestUpdated, sharedSet().getStatus().getUpdatedReplicas());
        }
        assertThat(replacedInOrder).containsExactly("activepieces-worker-7", "activepieces-worker-6",
                "activepieces-worker-5", "activepieces-worker-4", "activepieces-worker-3", "activepieces-worker-2",
                "activepieces-worker-1", "activepieces-worker-0");
        assertThat(sawTerminating).as("old pods are Terminating before they go").isTrue();
        assertThat(fewestUpdated).isLessThan(8);

        StatefulSetStatus done = world.advanceUntil("the rollout to complete", TICK, Duration.ofMinutes(5),
                () -> sharedSet().getStatus(), s -> s.getReadyReplicas() == 8 && s.getUpdatedReplicas() == 8
                        && created.getMetadata().getName().equals(s.getCurrentRevision()));
        assertThat(done.getCurrentReplicas()).isEqualTo(8);
        assertThat(done.getReplicas()).isEqualTo(8);
        assertThat(world.client.pods().inNamespace("ap-shared").list().getItems()).hasSize(8).allSatisfy(pod -> {
            assertThat(pod.getSpec().getContainers().get(0).getImage()).isEqualTo(NEXT_IMAGE);
            assertThat(pod.getStatus().getContainerStatuses().get(0).getReady()).isTrue();
        });
        assertThat(reasons("ap-shared")).contains("SuccessfulDelete", "SuccessfulCreate", "Killing", "Scheduled",
                "Pulling", "Pulled", "Created", "Started");
        assertThat(world.simulator.workers()).filteredOn(w -> w.namespace().equals("ap-shared"))
                .allSatisfy(w -> assertThat(w.version()).isEqualTo("0.87.4"));
    }

    @Test
    void aNewImageOnADedicatedDeploymentRollsThroughANewReplicaSetWithinSurgeAndAvailability() {
        String namespace = "ap-dedicated-acme";
        world.client.apps().deployments().inNamespace(namespace).withName("activepieces-worker-acme")
                .edit(d -> {
                    d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(NEXT_IMAGE);
                    return d;
                });
        int most = 0;
        int fewestAvailable = 2;
        for (int i = 0; i < 36; i++) {
            world.advance(TICK);
            List<Pod> pods = world.client.pods().inNamespace(namespace).list().getItems();
            most = Math.max(most, (int) pods.stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                    .count());
            fewestAvailable = Math.min(fewestAvailable, (int) pods.stream().filter(RolloutTest::ready).count());
        }
        assertThat(most).as("maxSurge 1 over 2 replicas").isEqualTo(3);
        assertThat(fewestAvailable).as("maxUnavailable 0").isGreaterThanOrEqualTo(2);

        Deployment deployment = dedicated("acme");
        assertThat(deployment.getStatus().getUpdatedReplicas()).isEqualTo(2);
        assertThat(deployment.getStatus().getAvailableReplicas()).isEqualTo(2);
        assertThat(deployment.getStatus().getObservedGeneration()).isEqualTo(deployment.getMetadata().getGeneration());
        assertThat(deployment.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "4");
        List<ReplicaSet> sets = replicaSets(namespace);
        ReplicaSet newest = sets.get(sets.size() - 1);
        assertThat(revision(newest.getMetadata())).isEqualTo(4);
        assertThat(image(newest.getSpec().getTemplate())).isEqualTo(NEXT_IMAGE);
        assertThat(newest.getSpec().getReplicas()).isEqualTo(2);
        assertThat(newest.getStatus().getReadyReplicas()).isEqualTo(2);
        assertThat(sets.subList(0, 3)).allSatisfy(rs -> assertThat(rs.getSpec().getReplicas()).isZero());
        assertThat(world.client.pods().inNamespace(namespace).list().getItems()).hasSize(2).allSatisfy(pod ->
                assertThat(pod.getMetadata().getLabels()).containsEntry("pod-template-hash",
                        newest.getMetadata().getLabels().get("pod-template-hash")));
        assertThat(messages(namespace)).anyMatch(m -> m.startsWith("Scaled up replica set "
                + newest.getMetadata().getName() + " from 0 to 1"))
                .anyMatch(m -> m.startsWith("Scaled down replica set ") && m.endsWith("from 2 to 1"))
                .anyMatch(m -> m.startsWith("Created pod: " + newest.getMetadata().getName()));
    }

    @Test
    void anExecutionModeChangeIsANewRevisionWhosePodsReportTheModeAsWritten() {
        world.client.apps().deployments().inNamespace("ap-dedicated-globex").withName("activepieces-worker-globex")
                .edit(d -> {
                    d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                            .filter(e -> e.getName().equals("AP_EXECUTION_MODE")).findFirst().orElseThrow()
                            .setValue("SANDBOX_CODE_ONLY");
                    return d;
                });
        world.advanceUntil("both globex workers running in the new mode", TICK, Duration.ofMinutes(5),
                () -> world.simulator.workers().stream().filter(w -> "wg-globex".equals(w.groupId())).toList(),
                workers -> workers.size() == 2 && workers.stream().allMatch(w -> w.running()
                        && "SANDBOX_CODE_ONLY".equals(w.executionMode())));
        List<ReplicaSet> sets = replicaSets("ap-dedicated-globex");
        assertThat(sets).hasSize(5);
        assertThat(revision(sets.get(4).getMetadata())).isEqualTo(5);
        assertThat(SeededFleetTest.env(sets.get(4).getSpec().getTemplate().getSpec().getContainers().get(0)))
                .containsEntry("AP_EXECUTION_MODE", "SANDBOX_CODE_ONLY");
        assertThat(image(sets.get(4).getSpec().getTemplate())).isEqualTo(STABLE_IMAGE);
    }

    @Test
    void rollingUndoTakesADeploymentBackToThePreviousReplicaSetsTemplate() {
        String namespace = "ap-dedicated-acme";
        var deployment = world.client.apps().deployments().inNamespace(namespace).withName("activepieces-worker-acme");
        deployment.edit(d -> {
            d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(NEXT_IMAGE);
            return d;
        });
        world.advanceUntil("the new image everywhere", TICK, Duration.ofMinutes(5), () -> images(namespace),
                images -> images.equals(Set.of(NEXT_IMAGE)));

        deployment.rolling().undo();

        world.advanceUntil("the previous image everywhere", TICK, Duration.ofMinutes(5), () -> images(namespace),
                images -> images.equals(Set.of(STABLE_IMAGE)));
        world.advance(Duration.ofSeconds(30));
        List<ReplicaSet> sets = replicaSets(namespace);
        ReplicaSet newest = sets.get(sets.size() - 1);
        assertThat(image(newest.getSpec().getTemplate())).isEqualTo(STABLE_IMAGE);
        assertThat(newest.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "5")
                .containsEntry("deployment.kubernetes.io/revision-history", "3");
        assertThat(newest.getSpec().getReplicas()).isEqualTo(2);
        assertThat(sets).as("no ReplicaSet is made for a template that has one").hasSize(4);
        assertThat(sets.stream().filter(rs -> image(rs.getSpec().getTemplate()).equals(NEXT_IMAGE)))
                .singleElement().satisfies(rs -> assertThat(rs.getSpec().getReplicas()).isZero());
        Deployment after = dedicated("acme");
        assertThat(after.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "5");
        assertThat(after.getStatus().getUpdatedReplicas()).isEqualTo(2);
        assertThat(after.getStatus().getAvailableReplicas()).isEqualTo(2);
    }

    @Test
    void scalingAddsAndRemovesPodsAndAStatefulSetKeepsTheClaimsOfRemovedPods() {
        world.client.apps().deployments().inNamespace("ap-dedicated-acme").withName("activepieces-worker-acme")
                .scale(4);
        world.client.apps().statefulSets().inNamespace("ap-shared").withName("activepieces-worker").scale(10);
        world.advanceUntil("4 ready acme workers", TICK, Duration.ofMinutes(3),
                () -> dedicated("acme").getStatus().getReadyReplicas(), ready -> ready == 4);
        world.advanceUntil("10 ready shared workers", TICK, Duration.ofMinutes(3),
                () -> sharedSet().getStatus().getReadyReplicas(), ready -> ready == 10);
        assertThat(podNames("ap-shared")).contains("activepieces-worker-8", "activepieces-worker-9");
        assertThat(claimNames()).hasSize(10).contains("cache-activepieces-worker-9");

        world.client.apps().statefulSets().inNamespace("ap-shared").withName("activepieces-worker").scale(6);
        world.advanceUntil("6 shared pods", TICK, Duration.ofMinutes(3), () -> podNames("ap-shared"),
                names -> names.size() == 6);
        assertThat(podNames("ap-shared")).containsExactlyInAnyOrder("activepieces-worker-0", "activepieces-worker-1",
                "activepieces-worker-2", "activepieces-worker-3", "activepieces-worker-4", "activepieces-worker-5");
        assertThat(claimNames()).hasSize(10);
        assertThat(sharedSet().getStatus().getReplicas()).isEqualTo(6);
        assertThat(world.simulator.workers()).hasSize(6 + 4 + 2 + 2);
    }

    @Test
    void aDeletedPodIsTerminatingUntilItsContainerStopsAndIsThenReplaced() {
        Pod before = world.client.pods().inNamespace("ap-shared").withName("activepieces-worker-3").get();
        world.client.pods().inNamespace("ap-shared").withName("activepieces-worker-3").delete();
        world.advance(TICK);
        Pod terminating = world.client.pods().inNamespace("ap-shared").withName("activepieces-worker-3").get();
        assertThat(terminating.getMetadata().getDeletionTimestamp()).isNotNull();
        assertThat(terminating.getStatus().getContainerStatuses().get(0).getReady()).isFalse();
        assertThat(messages("ap-shared")).contains("Stopping container worker");

        Pod replaced = world.advanceUntil("a new ready activepieces-worker-3", TICK, Duration.ofMinutes(2),
                () -> world.client.pods().inNamespace("ap-shared").withName("activepieces-worker-3").get(),
                pod -> pod != null && !pod.getMetadata().getUid().equals(before.getMetadata().getUid()) && ready(pod));
        assertThat(replaced.getMetadata().getDeletionTimestamp()).isNull();
        assertThat(replaced.getSpec().getVolumes()).anyMatch(v -> v.getPersistentVolumeClaim() != null
                && v.getPersistentVolumeClaim().getClaimName().equals("cache-activepieces-worker-3"));

        String gone = podNames("ap-dedicated-globex").iterator().next();
        world.client.pods().inNamespace("ap-dedicated-globex").withName(gone).delete();
        world.advanceUntil("two ready globex workers again, without " + gone, TICK, Duration.ofMinutes(2),
                () -> world.client.pods().inNamespace("ap-dedicated-globex").list().getItems(),
                pods -> pods.size() == 2 && pods.stream().allMatch(RolloutTest::ready)
                        && pods.stream().noneMatch(p -> p.getMetadata().getName().equals(gone)));
    }

    @Test
    void aPartitionCanariesTheHighestOrdinalsAndMaxUnavailableReplacesSeveralPodsAtOnce() {
        var shared = world.client.apps().statefulSets().inNamespace("ap-shared").withName("activepieces-worker");
        shared.edit(set -> {
            set.getSpec().getUpdateStrategy().getRollingUpdate().setPartition(7);
            set.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(NEXT_IMAGE);
            return set;
        });
        world.advance(Duration.ofMinutes(3));
        Map<String, String> images = podImages();
        assertThat(images).containsEntry("activepieces-worker-7", NEXT_IMAGE);
        images.remove("activepieces-worker-7");
        assertThat(images).hasSize(7).allSatisfy((pod, image) -> assertThat(image).isEqualTo(STABLE_IMAGE));
        StatefulSetStatus canary = sharedSet().getStatus();
        assertThat(canary.getUpdatedReplicas()).isEqualTo(1);
        assertThat(canary.getCurrentReplicas()).isEqualTo(7);
        assertThat(canary.getCurrentRevision()).isNotEqualTo(canary.getUpdateRevision());

        shared.edit(set -> {
            set.getSpec().getUpdateStrategy().getRollingUpdate().setPartition(0);
            set.getSpec().getUpdateStrategy().getRollingUpdate().setMaxUnavailable(new IntOrString("100%"));
            return set;
        });
        Map<String, String> uidsBefore = podUids();
        world.advance(Duration.ofSeconds(10));
        Set<String> replacing = world.client.pods().inNamespace("ap-shared").list().getItems().stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() != null
                        || !p.getMetadata().getUid().equals(uidsBefore.get(p.getMetadata().getName())))
                .map(p -> p.getMetadata().getName()).collect(Collectors.toSet());
        Set<String> gone = new java.util.HashSet<>(uidsBefore.keySet());
        gone.removeAll(podUids().keySet());
        replacing.addAll(gone);
        assertThat(replacing).as("the other seven are replaced together").hasSize(7)
                .doesNotContain("activepieces-worker-7");
        world.advanceUntil("every pod on the new image", TICK, Duration.ofMinutes(3), this::podImages,
                all -> all.size() == 8 && all.values().stream().allMatch(NEXT_IMAGE::equals));
    }

    @Test
    void oldReplicaSetsBeyondTheRevisionHistoryLimitAreDeleted() {
        var acme = world.client.apps().deployments().inNamespace("ap-dedicated-acme").withName("activepieces-worker-acme");
        acme.edit(d -> {
            d.getSpec().setRevisionHistoryLimit(1);
            d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(NEXT_IMAGE);
            return d;
        });
        world.advanceUntil("only the current and one old ReplicaSet", TICK, Duration.ofMinutes(5),
                () -> replicaSets("ap-dedicated-acme").stream().map(rs -> revision(rs.getMetadata())).toList(),
                revisions -> revisions.equals(List.of(3, 4)));
    }

    private Map<String, String> podUids() {
        return world.client.pods().inNamespace("ap-shared").list().getItems().stream()
                .collect(Collectors.toMap(p -> p.getMetadata().getName(), p -> p.getMetadata().getUid()));
    }

    private Map<String, String> podImages() {
        return world.client.pods().inNamespace("ap-shared").list().getItems().stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                .collect(Collectors.toMap(p -> p.getMetadata().getName(),
                        p -> p.getSpec().getContainers().get(0).getImage()));
    }

    private StatefulSet sharedSet() {
        return world.client.apps().statefulSets().inNamespace("ap-shared").withName("activepieces-worker").get();
    }

    private Deployment dedicated(String customer) {
        return world.client.apps().deployments().inNamespace("ap-dedicated-" + customer)
                .withName("activepieces-worker-" + customer).get();
    }

    private List<ReplicaSet> replicaSets(String namespace) {
        return world.client.apps().replicaSets().inNamespace(namespace).list().getItems().stream()
                .sorted(Comparator.comparingInt(rs -> revision(rs.getMetadata()))).toList();
    }

    private Set<String> images(String namespace) {
        return world.client.pods().inNamespace(namespace).list().getItems().stream()
                .map(p -> p.getSpec().getContainers().get(0).getImage()).collect(Collectors.toSet());
    }

    private Set<String> podNames(String namespace) {
        return world.client.pods().inNamespace(namespace).list().getItems().stream()
                .map(p -> p.getMetadata().getName()).collect(Collectors.toSet());
    }

    private List<String> claimNames() {
        return world.client.persistentVolumeClaims().inNamespace("ap-shared").list().getItems().stream()
                .map(PersistentVolumeClaim::getMetadata).map(m -> m.getName()).toList();
    }

    private Set<String> reasons(String namespace) {
        return events(namespace).stream().map(Event::getReason).collect(Collectors.toSet());
    }

    private List<String> messages(String namespace) {
        return events(namespace).stream().map(Event::getMessage).toList();
    }

    private List<Event> events(String namespace) {
        return world.client.v1().events().inNamespace(namespace).list().getItems();
    }

    private static boolean ready(Pod pod) {
        return pod.getMetadata().getDeletionTimestamp() == null && pod.getStatus().getContainerStatuses() != null
                && !pod.getStatus().getContainerStatuses().isEmpty()
                && Boolean.TRUE.equals(pod.getStatus().getContainerStatuses().get(0).getReady());
    }
}
