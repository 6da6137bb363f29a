package dev.pitwall.demo.cluster;

import dev.pitwall.demo.KubeMockCluster;
import dev.pitwall.demo.world.SimClock;
import dev.pitwall.demo.world.SimDriver;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** A mock cluster with the seeded demo fleet and its simulator, driven tick by tick on simulated time. */
final class SimulatedCluster implements AutoCloseable {

    final KubeMockCluster cluster;
    final SimClock clock = new SimClock(SimClock.EPOCH);
    final SimDriver driver = new SimDriver(clock);
    final ClusterSimulator simulator;
    /** A client like any other user's: its writes are the changes the simulator must react to. */
    final KubernetesClient client;

    private SimulatedCluster(long seed) {
        cluster = KubeMockCluster.start();
        simulator = new ClusterSimulator(cluster, clock, seed);
        simulator.seedFleet();
        driver.add(simulator);
        client = cluster.client();
    }

    static SimulatedCluster start(long seed) {
        return new SimulatedCluster(seed);
    }

    void advance(Duration amount) {
        driver.advance(amount);
    }

    Instant now() {
        return clock.now();
    }

    /**
     * Advances simulated time in steps of {@code every} until {@code probe} gives a value that is {@code ok}; fails
     * with the last value after {@code atMost} of simulated time.
     */
    <T> T advanceUntil(String what, Duration every, Duration atMost, Supplier<T> probe, Predicate<T> ok) {
        Instant deadline = now().plus(atMost);
        T last = probe.get();
        while (!ok.test(last)) {
            if (now().isAfter(deadline)) {
                throw new AssertionError("after " + atMost + " of simulated time still waiting for " + what
                        + "; last: " + last);
            }
            advance(every);
            last = probe.get();
        }
        return last;
    }

    @Override
    public void close() {
        driver.close();
        simulator.close();
        cluster.close();
    }
}
