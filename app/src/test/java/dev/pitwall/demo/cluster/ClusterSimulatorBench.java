package dev.pitwall.demo.cluster;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;

/**
 * What the cluster simulator costs: seeding the fleet (part of the demo's start time), and one 5-second tick of the
 * whole fleet, steady and while the shared workers crash-loop (at speed 60 the driver ticks 12 times a second).
 */
@Tag("bench")
class ClusterSimulatorBench {

    @Test
    void seedAndTicks() {
        SimulatedCluster.start(1).close(); // warm up the client, the mock and the JIT
        long started = System.nanoTime();
        try (SimulatedCluster world = SimulatedCluster.start(2)) {
            System.out.println("BENCH cluster seed ms: " + (System.nanoTime() - started) / 1_000_000);
            world.advance(Duration.ofMinutes(5));
            System.out.println("BENCH cluster steady tick us: " + microsPerTick(world, Duration.ofHours(2)));
            world.client.apps().statefulSets().inNamespace("ap-shared").withName("activepieces-worker").edit(set -> {
                set.getSpec().getTemplate().getSpec().getContainers().get(0)
                        .setImage("ghcr.io/activepieces/activepieces:0.88.0-nextgen");
                set.getSpec().getUpdateStrategy().getRollingUpdate()
                        .setMaxUnavailable(new io.fabric8.kubernetes.api.model.IntOrString("100%"));
                return set;
            });
            world.advance(Duration.ofMinutes(50));
            System.out.println("BENCH cluster crash-loop tick us: " + microsPerTick(world, Duration.ofHours(1)));
        }
    }

    private static long microsPerTick(SimulatedCluster world, Duration span) {
        long ticks = span.dividedBy(Duration.ofSeconds(5));
        long started = System.nanoTime();
        world.advance(span);
        return (System.nanoTime() - started) / 1000 / ticks;
    }
}
