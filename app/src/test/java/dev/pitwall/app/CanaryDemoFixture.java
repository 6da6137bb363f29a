package dev.pitwall.app;

import dev.pitwall.ops.guard.WriteGuard;
import dev.pitwall.model.BackendKind;
import dev.pitwall.demo.DemoEnvironment;
import dev.pitwall.demo.scenario.Scenario;
import dev.pitwall.demo.world.ImageBehaviour;
import dev.pitwall.demo.world.SimClock;
import dev.pitwall.kube.KubeClients;
import dev.pitwall.kube.KubeRollbackCluster;
import dev.pitwall.ops.canary.CanaryDriver;
import dev.pitwall.ops.canary.CanaryEngine;
import dev.pitwall.ops.canary.CanaryRecord;
import dev.pitwall.ops.canary.CanarySession;
import dev.pitwall.ops.rollback.PlanTest;
import dev.pitwall.ops.rollback.RollbackPlan;
import dev.pitwall.ops.rollback.RollbackPlanStore;
import dev.pitwall.ops.rollback.RollbackPlanner;
import dev.pitwall.ops.rollback.RollbackRunner;
import dev.pitwall.ops.rollback.WorkloadRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The demo world at sim speed 0 with the canary engine wired as the launcher wires it, on simulated time. */
final class CanaryDemoFixture implements AutoCloseable {

    static final String REPOSITORY = ImageBehaviour.IMAGE_REPOSITORY + ":";

    final DemoEnvironment demo;
    final Backends backends;
    /** The state directory the backends keep plans, journals and the audit log in. */
    final Path state;
    /** The write guard of the demo's connection, as the launcher builds it (the demo is never production). */
    final WriteGuard guard;
    private CanarySession session;

    CanaryDemoFixture(Path state, long seed) {
        demo = DemoEnvironment.start(new DemoEnvironment.Options(Scenario.STEADY, seed, 0, SimClock.EPOCH));
        this.state = state;
        backends = new Backends(ref -> Optional.of(demo.platformKey()), state);
        demo.advance(Duration.ofMinutes(5));
        guard = TestGuards.demo(demo.profile(), backends, demo.clock());
        session = open("test");
    }

    CanaryEngine engine() {
        return session.engine();
    }

    /** Another canary session on the same demo, state and journal, whose engine reads {@code clock}. */
    CanarySession sessionOn(java.time.Clock clock) {
        return CanarySessions.open(demo.profile(), backends, guard, clock, "test");
    }

    /** A new engine on the same cluster and journal: what a restarted console builds. */
    CanaryEngine restart() {
        session.close();
        session = open("test");
        return session.engine();
    }

    /** A canary session of its own on the demo (another console or terminal), acting as {@code actor}. */
    CanarySession open(String actor) {
        return CanarySessions.open(demo.profile(), backends, guard, demo.clock(), actor);
    }

    WorkloadRef workload(String namespace, String name) {
        return engine().workload(namespace, name);
    }

    /** Captures a rollback plan for the workload and, when asked, tests it (as `rollback plan` and `test` do). */
    RollbackPlan capturePlan(WorkloadRef workload, boolean test) throws Exception {
        try (KubeRollbackCluster cluster = new KubeRollbackCluster(KubeClients.open(demo.profile()))) {
            RollbackPlan plan = new RollbackPlanner(cluster, guard.identity(BackendKind.KUBERNETES), demo.clock())
                    .plan(workload, null);
            RollbackPlanStore store = backends.rollbackPlans();
            store.save(plan, store.defaultFile(plan));
            if (test) {
                PlanTest result = new RollbackRunner(cluster, null, guard, backends.auditLog(), "test",
                        demo.clock()).test(plan);
                if (!result.ok()) {
                    throw new AssertionError(result.problems());
                }
            }
            return plan;
        }
    }

    /** Evaluates every 30 simulated seconds until the canary has finished or {@code bound} has passed. */
    CanaryRecord drive(CanaryEngine engine, WorkloadRef workload, Duration bound) {
        return drive(engine, workload, bound, Duration.ofSeconds(30));
    }

    /** Evaluates every {@code every} of simulated time until the canary has finished or {@code bound} has passed. */
    CanaryRecord drive(CanaryEngine engine, WorkloadRef workload, Duration bound, Duration every) {
        Instant end = demo.clock().instant().plus(bound);
        CanaryDriver driver = engine.driver("test", Duration.ofSeconds(30));
        CanaryRecord r = engine.evaluate(workload, driver);
        while (!r.phase().isFinal() && demo.clock().instant().isBefore(end)) {
            demo.advance(every);
            r = engine.evaluate(workload, driver);
        }
        return r;
    }

    HasMetadata object(WorkloadRef workload, String name) {
        var apps = demo.kube().client().apps();
        return workload.kind() == WorkloadRef.Kind.DEPLOYMENT
                ? apps.deployments().inNamespace(workload.namespace()).withName(name).get()
                : apps.statefulSets().inNamespace(workload.namespace()).withName(name).get();
    }

    String image(WorkloadRef workload) {
        return container(workload).getImage();
    }

    /** The first container of the workload's template. */
    io.fabric8.kubernetes.api.model.Container container(WorkloadRef workload) {
        HasMetadata o = object(workload, workload.name());
        var template = o instanceof Deployment d ? d.getSpec().getTemplate() : ((StatefulSet) o).getSpec().getTemplate();
        return template.getSpec().getContainers().get(0);
    }

    int replicas(WorkloadRef workload) {
        HasMetadata o = object(workload, workload.name());
        return o instanceof Deployment d ? d.getSpec().getReplicas() : ((StatefulSet) o).getSpec().getReplicas();
    }

    @Override
    public void close() {
        session.close();
        demo.close();
    }
}
