package dev.pitwall.app;

import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.kube.KubeCanaryCluster;
import dev.pitwall.kube.KubeClients;
import dev.pitwall.kube.KubeRollbackCluster;
import dev.pitwall.ops.canary.CanaryAnnotations;
import dev.pitwall.ops.canary.CanaryDriver;
import dev.pitwall.ops.canary.CanaryEngine;
import dev.pitwall.ops.canary.CanaryPhase;
import dev.pitwall.ops.canary.CanaryRecord;
import dev.pitwall.ops.canary.CanarySession;
import dev.pitwall.ops.canary.CanarySettings;
import dev.pitwall.ops.canary.CanarySignals;
import dev.pitwall.ops.canary.ModePolicy;
import dev.pitwall.ops.guard.Confirmer;
import dev.pitwall.ops.guard.LeaseHeld;
import dev.pitwall.ops.rollback.Heartbeat;
import dev.pitwall.ops.rollback.WorkloadRef;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The canary's lease and fence on the demo's API server (fabric8's mock in CRUD mode, which answers a write against
 * an old resourceVersion with 409, atomically): two drivers racing for the lease, and a control verb made while a
 * driver is in the middle of an evaluation.
 */
class CanaryLeaseOnDemoTest {

    private static final Confirmer YES = Confirmer.yes();

    @TempDir
    Path state;
    private CanaryDemoFixture fx;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void startDemo() {
        fx = new CanaryDemoFixture(state, 23);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        fx.close();
    }

    private WorkloadRef startedCanary(String customer, Duration hold) throws Exception {
        WorkloadRef w = fx.workload(DemoFleet.namespaceOf(customer), DemoFleet.workloadOf(customer));
        fx.capturePlan(w, true);
        fx.engine().start(w, new CanarySettings(CanaryDemoFixture.REPOSITORY + "0.88.1", Map.of(), List.of(50, 100),
                hold, null), YES);
        return w;
    }

    @Test
    void ofTwoDriversRacingForTheLeaseOnlyOneWinsInEachOfTwentyTrials() throws Exception {
        WorkloadRef acme = startedCanary("acme", Duration.ofHours(3));
        CanarySession one = fx.open("one");
        CanarySession two = fx.open("two");
        open.add(one);
        open.add(two);
        CanaryDriver first = new CanaryDriver("one@a (race, pid 1)", Duration.ofMinutes(1));
        CanaryDriver second = new CanaryDriver("two@b (race, pid 2)", Duration.ofMinutes(1));
        for (int trial = 1; trial <= 20; trial++) {
            fx.demo.advance(Duration.ofMinutes(2)); // whoever won last lets go: both find the lease free
            CyclicBarrier together = new CyclicBarrier(2);
            CompletableFuture<String> a = CompletableFuture.supplyAsync(() -> drive(one.engine(), acme, first,
                    together));
            CompletableFuture<String> b = CompletableFuture.supplyAsync(() -> drive(two.engine(), acme, second,
                    together));
            List<String> outcomes = List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));
            assertThat(outcomes).as("trial " + trial).filteredOn(o -> o.startsWith("won")).hasSize(1);
            assertThat(outcomes).as("trial " + trial).filteredOn(o -> o.startsWith("refused")).singleElement()
                    .satisfies(o -> assertThat(o).contains("is driven by"));
            String winner = outcomes.get(0).startsWith("won") ? first.id() : second.id();
            assertThat(fx.object(acme, acme.name() + "-canary").getMetadata().getAnnotations())
                    .as("trial " + trial + ": the lease is the winner's").containsEntry(CanaryAnnotations.DRIVER, winner);
        }
        assertThat(fx.engine().find(acme).orElseThrow().phase()).isEqualTo(CanaryPhase.RUNNING);
    }

    private static String drive(CanaryEngine engine, WorkloadRef workload, CanaryDriver driver,
                                CyclicBarrier together) {
        try {
            together.await(30, TimeUnit.SECONDS);
            CanaryRecord r = engine.evaluate(workload, driver);
            return "won: " + r.phase();
        } catch (LeaseHeld e) {
            return "refused: " + e.getMessage();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDriverInTheMiddleOfAnEvaluationUndoesNeitherAPauseNorAnAbort() throws Exception {
        WorkloadRef acme = startedCanary("acme", Duration.ofMinutes(1));
        fx.demo.advance(Duration.ofMinutes(2)); // the first step's hold is over: the next evaluation steps on
        assertThat(fx.replicas(acme)).isEqualTo(DemoFleet.DEDICATED_REPLICAS - 1);

        HeldSignals signals = new HeldSignals();
        KubernetesClient kube = KubeClients.open(fx.demo.profile());
        open.add(kube);
        // a driver whose gates take their time: it reads nothing but the pods (a profile without platform,
        // kubelet stats or Redis), so once its signals are read it steps on
        CanaryEngine slow = new CanaryEngine(new KubeCanaryCluster(kube, Map.of(DemoFleet.WORKER_LABEL_KEY,
                DemoFleet.WORKER_LABEL_VALUE)), new KubeRollbackCluster(kube), fx.backends.rollbackPlans(), signals,
                fx.backends.canaryJournal(), ModePolicy.NONE, fx.guard, fx.backends.auditLog(), "slow",
                fx.demo.clock());
        CanaryDriver driver = new CanaryDriver("slow@c (console, pid 3)", Duration.ofMinutes(1));

        CompletableFuture<CanaryRecord> evaluation = CompletableFuture.supplyAsync(() -> slow.evaluate(acme, driver));
        assertThat(signals.reading.await(60, TimeUnit.SECONDS)).as("the driver holds the lease and reads its gates")
                .isTrue();
        CanaryRecord paused = fx.engine().pause(acme, YES);
        signals.release.countDown();
        CanaryRecord after = evaluation.get(60, TimeUnit.SECONDS);

        assertThat(fx.backends.auditLog().entries()).as("the driver did try to step on, through its permit")
                .anyMatch(e -> e.action().equals("canary.evaluate.about-to"));
        assertThat(after.phase()).as("the pause stands").isEqualTo(CanaryPhase.PAUSED);
        assertThat(after.step()).as("the driver did not step on").isZero();
        assertThat(fx.engine().find(acme).orElseThrow().pausedAt()).isEqualTo(paused.pausedAt());
        assertThat(fx.replicas(acme)).as("the main workload was not shrunk").isEqualTo(DemoFleet.DEDICATED_REPLICAS - 1);
        assertThat(fx.object(acme, acme.name() + "-canary").getMetadata().getAnnotations())
                .containsEntry("pitwall.dev/canary-phase", "PAUSED").containsEntry("pitwall.dev/canary-step", "0");

        // the same with an abort: the driver's next write finds the canary changed (gone), and stops
        fx.engine().resume(acme, YES);
        fx.demo.advance(Duration.ofMinutes(2));
        HeldSignals again = new HeldSignals();
        CanaryEngine slowAgain = new CanaryEngine(new KubeCanaryCluster(kube, Map.of(DemoFleet.WORKER_LABEL_KEY,
                DemoFleet.WORKER_LABEL_VALUE)), new KubeRollbackCluster(kube), fx.backends.rollbackPlans(), again,
                fx.backends.canaryJournal(), ModePolicy.NONE, fx.guard, fx.backends.auditLog(), "slow",
                fx.demo.clock());
        CompletableFuture<CanaryRecord> second = CompletableFuture.supplyAsync(() -> slowAgain.evaluate(acme,
                driver));
        assertThat(again.reading.await(60, TimeUnit.SECONDS)).isTrue();
        fx.engine().abort(acme, YES);
        again.release.countDown();
        CanaryRecord aborted = second.get(60, TimeUnit.SECONDS);
        assertThat(aborted.phase()).isEqualTo(CanaryPhase.ABORTED);
        assertThat(aborted.abortReason().gate()).isEqualTo("manual");
        assertThat(fx.replicas(acme)).as("the abort gave the pods back").isEqualTo(DemoFleet.DEDICATED_REPLICAS);
        assertThat(fx.object(acme, acme.name() + "-canary")).isNull();
    }

    /** Signals of a profile without platform, kubelet stats or Redis, whose first reading waits to be released. */
    private static final class HeldSignals implements CanarySignals {
        final CountDownLatch reading = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public Optional<List<RunOutcome>> finishedRuns(Instant since) {
            reading.countDown();
            try {
                if (!release.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        }

        @Override
        public Optional<List<VolumeUse>> volumes(String namespace, Collection<String> nodes) {
            return Optional.empty();
        }

        @Override
        public Optional<List<Heartbeat>> heartbeats() {
            return Optional.empty();
        }

        @Override
        public OptionalLong waitingJobs(String groupId) {
            return OptionalLong.empty();
        }
    }
}
