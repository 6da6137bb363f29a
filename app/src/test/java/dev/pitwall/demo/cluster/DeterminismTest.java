package dev.pitwall.demo.cluster;

import dev.pitwall.demo.world.SimWorker;
import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The same seed and the same ticks give the same world; another seed gives another. */
class DeterminismTest {

    @Test
    void theSameSeedGivesTheSamePodsAddressesTimingsAndVolumeFigures() {
        Outcome first = run(21);
        Outcome second = run(21);
        Outcome other = run(22);

        assertThat(second.workers()).isEqualTo(first.workers());
        assertThat(second.pods()).isEqualTo(first.pods());
        assertThat(first.pods()).anyMatch(p -> p.restarts() > 0);
        assertThat(other.pods()).isNotEqualTo(first.pods());
        assertThat(other.workers().stream().map(SimWorker::diskUsedBytes).toList())
                .isNotEqualTo(first.workers().stream().map(SimWorker::diskUsedBytes).toList());
    }

    /** A rollout and a filling image, then an hour of simulated time. */
    private static Outcome run(long seed) {
        try (SimulatedCluster world = SimulatedCluster.start(seed)) {
            world.advance(Duration.ofMinutes(1));
            world.client.apps().deployments().inNamespace("ap-dedicated-globex").withName("activepieces-worker-globex")
                    .edit(d -> {
                        d.getSpec().getTemplate().getSpec().getContainers().get(0)
                                .setImage("ghcr.io/activepieces/activepieces:0.87.3-bad-cache");
                        return d;
                    });
            world.client.apps().statefulSets().inNamespace("ap-shared").withName("activepieces-worker").scale(9);
            world.advance(Duration.ofMinutes(60));
            List<PodFacts> pods = world.client.pods().inAnyNamespace().list().getItems().stream()
                    .map(PodFacts::of).sorted(Comparator.comparing(PodFacts::name)).toList();
            return new Outcome(world.simulator.workers(), pods);
        }
    }

    private record Outcome(List<SimWorker> workers, List<PodFacts> pods) {
    }

    private record PodFacts(String name, String node, String ip, String created, String started, int restarts) {
        static PodFacts of(Pod pod) {
            var status = pod.getStatus().getContainerStatuses().get(0);
            return new PodFacts(pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName(),
                    pod.getSpec().getNodeName(), pod.getStatus().getPodIP(), pod.getMetadata().getCreationTimestamp(),
                    status.getState().getRunning() == null ? null : status.getState().getRunning().getStartedAt(),
                    status.getRestartCount());
        }
    }
}
