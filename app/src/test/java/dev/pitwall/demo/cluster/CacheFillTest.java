package dev.pitwall.demo.cluster;

import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.demo.world.ImageBehaviour;
import dev.pitwall.demo.world.SimWorker;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Cache volumes fill at the pace of the image; a full one crash-loops its pod with kubelet's growing back-off. */
class CacheFillTest {

    private static final Pattern BACK_OFF = Pattern.compile("back-off (\\d+)s restarting failed container");
    private static final String BAD_IMAGE = "ghcr.io/activepieces/activepieces:0.87.3-bad-cache";
    private static final String INCIDENT_IMAGE = "ghcr.io/activepieces/activepieces:" + ImageBehaviour.INCIDENT_TAG;
    private static final String STABLE_IMAGE = "ghcr.io/activepieces/activepieces:" + ImageBehaviour.STABLE_TAG;

    private SimulatedCluster world;

    @BeforeEach
    void start() {
        world = SimulatedCluster.start(5);
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void aBadCacheImageFillsItsVolumeAndCrashLoopsWhileTheHealthyImageRunsOn() {
        world.client.apps().deployments().inNamespace("ap-dedicated-initech").withName("activepieces-worker-initech")
                .edit(d -> {
                    d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(BAD_IMAGE);
                    return d;
                });
        Instant rolledOut = world.now();
        Duration firstCrash = null;
        boolean sawCrashLoop = false;
        boolean sawEnospc = false;
        int longestBackOff = 0;
        Map<String, Integer> restartsWhenRecovered = new HashMap<>();
        Map<String, Integer> restarts = new HashMap<>();
        Instant deadline = rolledOut.plus(Duration.ofHours(2));
        while (world.now().isBefore(deadline) && !(sawCrashLoop && filledAgainAfterRecovering(restarts,
                restartsWhenRecovered))) {
            world.advance(Duration.ofSeconds(30));
            for (Pod pod : workerPods("ap-dedicated-initech")) {
                if (!pod.getSpec().getContainers().get(0).getImage().equals(BAD_IMAGE)) {
                    continue;
                }
                ContainerStatus status = pod.getStatus().getContainerStatuses().get(0);
                String name = pod.getMetadata().getName();
                restarts.put(name, status.getRestartCount());
                if (status.getState().getWaiting() != null
                        && "CrashLoopBackOff".equals(status.getState().getWaiting().getReason())) {
                    sawCrashLoop = true;
                    assertThat(status.getReady()).isFalse();
                    Matcher backOff = BACK_OFF.matcher(status.getState().getWaiting().getMessage());
                    assertThat(backOff.find()).isTrue();
                    longestBackOff = Math.max(longestBackOff, Integer.parseInt(backOff.group(1)));
                    firstCrash = firstCrash != null ? firstCrash : Duration.between(rolledOut, world.now());
                }
                ContainerStateTerminated last = status.getLastState() == null ? null
                        : status.getLastState().getTerminated();
                if (last != null) {
                    sawEnospc |= "Error".equals(last.getReason()) && last.getMessage().contains("ENOSPC");
                }
                if (status.getRestartCount() > 0 && status.getReady() && status.getState().getRunning() != null) {
                    restartsWhenRecovered.putIfAbsent(name, status.getRestartCount());
                }
            }
        }
        assertThat(sawCrashLoop).as("a pod in CrashLoopBackOff").isTrue();
        assertThat(firstCrash).as("the first fill takes half an hour or more")
                .isGreaterThanOrEqualTo(Duration.ofMinutes(25));
        assertThat(sawEnospc).as("the last termination tells of ENOSPC").isTrue();
        assertThat(filledAgainAfterRecovering(restarts, restartsWhenRecovered))
                .as("a pod recovered after its back-off and then crashed again; restarts " + restarts
                        + ", at recovery " + restartsWhenRecovered).isTrue();
        assertThat(longestBackOff).as("the back-off grows from 10 s").isGreaterThanOrEqualTo(20);
        assertThat(reasons("ap-dedicated-initech")).contains("BackOff", "VolumeFull");
        assertThat(events("ap-dedicated-initech")).filteredOn(e -> e.getReason().equals("BackOff"))
                .allSatisfy(e -> assertThat(e.getType()).isEqualTo("Warning"))
                .anySatisfy(e -> assertThat(e.getCount()).isGreaterThan(1));

        for (Pod pod : workerPods("ap-dedicated-acme")) {
            ContainerStatus status = pod.getStatus().getContainerStatuses().get(0);
            assertThat(status.getRestartCount()).isZero();
            assertThat(status.getReady()).isTrue();
        }
        List<SimWorker> acme = world.simulator.workers().stream().filter(w -> "wg-acme".equals(w.groupId())).toList();
        assertThat(acme).hasSize(2).allSatisfy(w -> {
            assertThat(w.running()).isTrue();
            assertThat(w.diskUsedBytes()).isLessThan(DemoFleet.CACHE_BYTES * 9 / 10);
        });
    }

    @Test
    void rollingCrashLoopingSharedWorkersBackToTheStableImageStopsTheFill() {
        var shared = world.client.apps().statefulSets().inNamespace("ap-shared").withName("activepieces-worker");
        shared.edit(set -> {
            set.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(INCIDENT_IMAGE);
            set.getSpec().getUpdateStrategy().getRollingUpdate().setMaxUnavailable(new IntOrString("100%"));
            return set;
        });
        world.advanceUntil("shared workers crash-looping", Duration.ofMinutes(1), Duration.ofMinutes(90),
                () -> world.simulator.workers().stream().filter(w -> w.groupId() == null && !w.running()).count(),
                down -> down >= 2);

        shared.edit(set -> {
            set.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(STABLE_IMAGE);
            set.getSpec().getUpdateStrategy().getRollingUpdate().setMaxUnavailable(null);
            return set;
        });
        world.advanceUntil("every shared worker back on the stable image and running", Duration.ofSeconds(30),
                Duration.ofMinutes(15), () -> world.simulator.workers().stream().filter(w -> w.groupId() == null)
                        .toList(), workers -> workers.size() == 8 && workers.stream()
                        .allMatch(w -> w.running() && w.image().equals(STABLE_IMAGE)));
        List<ControllerRevision> revisions = world.client.apps().controllerRevisions().inNamespace("ap-shared")
                .list().getItems();
        assertThat(revisions).as("the stable template's revision is reused").hasSize(4);
        assertThat(revisions.stream().filter(r -> r.getRevision() == 5)).singleElement()
                .satisfies(r -> assertThat(SeededFleetTest.image(SeededFleetTest.revisionTemplate(r)))
                        .isEqualTo(STABLE_IMAGE));

        Map<String, Integer> restarts = sharedRestarts();
        world.advance(Duration.ofHours(1));
        assertThat(sharedRestarts()).as("no more crashes after the rollback").isEqualTo(restarts);
        assertThat(world.simulator.workers()).filteredOn(w -> w.groupId() == null).allSatisfy(w -> {
            assertThat(w.running()).isTrue();
            assertThat(w.diskUsedBytes()).isLessThan(DemoFleet.CACHE_BYTES / 4);
        });
    }

    private Map<String, Integer> sharedRestarts() {
        Map<String, Integer> restarts = new HashMap<>();
        workerPods("ap-shared").forEach(pod -> restarts.put(pod.getMetadata().getName(),
                pod.getStatus().getContainerStatuses().get(0).getRestartCount()));
        return restarts;
    }

    @Test
    void aHealthyCacheGrowsSlowlyAndLevelsOffWithoutFillingInHours() {
        Map<String, Long> before = usage();
        world.advance(Duration.ofMinutes(10));
        Map<String, Long> later = usage();
        later.forEach((pod, used) -> {
            long grown = used - before.get(pod);
            assertThat(grown).as(pod + " grows").isPositive();
            assertThat(grown).as(pod + " grows a few MiB a minute").isLessThan(10 * 5 * 1024L * 1024);
        });
        world.advance(Duration.ofHours(6));
        assertThat(world.simulator.workers()).allSatisfy(w -> {
            assertThat(w.running()).isTrue();
            assertThat(w.diskUsedBytes()).isLessThan(DemoFleet.CACHE_BYTES * 85 / 100);
        });
        assertThat(world.client.pods().inAnyNamespace().list().getItems()).allSatisfy(pod ->
                assertThat(pod.getStatus().getContainerStatuses().get(0).getRestartCount()).isZero());
    }

    private static boolean filledAgainAfterRecovering(Map<String, Integer> restarts, Map<String, Integer> recovered) {
        return recovered.entrySet().stream().anyMatch(e -> restarts.getOrDefault(e.getKey(), 0) > e.getValue());
    }

    private Map<String, Long> usage() {
        Map<String, Long> usage = new HashMap<>();
        world.simulator.workers().forEach(w -> usage.put(w.pod(), w.diskUsedBytes()));
        return usage;
    }

    private List<Pod> workerPods(String namespace) {
        return world.client.pods().inNamespace(namespace).list().getItems().stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
    }

    private List<String> reasons(String namespace) {
        return events(namespace).stream().map(Event::getReason).toList();
    }

    private List<Event> events(String namespace) {
        return world.client.v1().events().inNamespace(namespace).list().getItems();
    }
}
