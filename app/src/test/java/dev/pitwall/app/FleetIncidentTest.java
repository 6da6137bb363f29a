package dev.pitwall.app;

import dev.pitwall.demo.DemoEnvironment;
import dev.pitwall.demo.scenario.Scenario;
import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.demo.world.ImageBehaviour;
import dev.pitwall.demo.world.SimClock;
import dev.pitwall.model.Alert;
import dev.pitwall.model.Worker;
import dev.pitwall.ops.alert.AlertCenter;
import dev.pitwall.ops.connect.BackendHealthMonitor;
import dev.pitwall.ops.exec.PooledExecutor;
import dev.pitwall.ops.fleet.FleetAlerts;
import dev.pitwall.ops.fleet.FleetEngine;
import dev.pitwall.ops.fleet.FleetSnapshot;
import dev.pitwall.ops.fleet.ForecastRule;
import dev.pitwall.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Fleet engine watching the demo incident through the real adapters (informers, kubelet stats, heartbeats): the
 * shared workers' volume forecast turns critical and their crash-loops are raised. The console's clock moves with
 * the simulated one, so that fill rates are per simulated second.
 */
class FleetIncidentTest {

    @Test
    void theForecastTurnsCriticalOnTheSharedWorkersAndTheCrashLoopsAreRaised() throws Exception {
        try (DemoEnvironment demo = DemoEnvironment.start(
                new DemoEnvironment.Options(Scenario.INCIDENT, 21, 0, SimClock.EPOCH));
             PooledExecutor executor = new PooledExecutor(2)) {
            MutableClock clock = new MutableClock(Instant.now());
            AlertCenter alerts = new AlertCenter(clock, 10_000);
            Backends backends = new Backends(ref -> Optional.of(demo.platformKey()), Path.of("target", "test-state"));
            FleetEngine engine = new FleetEngine(backends.fleetSources(demo.profile()), executor, clock, alerts,
                    new BackendHealthMonitor(demo.profile(), List.of(), clock),
                    FleetEngine.Settings.defaults().immediate().withKnownAppVersion(ImageBehaviour.STABLE_TAG)
                            .withVolumeSampling(Duration.ofSeconds(30), ForecastRule.DEFAULT));
            try {
                engine.startWatch().get(60, TimeUnit.SECONDS);
                boolean critical = false;
                boolean crashLoop = false;
                for (int step = 0; step < 30 && !(critical && crashLoop); step++) {
                    demo.advance(Duration.ofMinutes(2));
                    clock.advance(Duration.ofMinutes(2));
                    engine.readVolumes();
                    engine.readHeartbeats();
                    FleetSnapshot snapshot = engine.snapshotNow().get(30, TimeUnit.SECONDS);
                    critical |= alerts.active().stream().anyMatch(a -> a.kind().equals(FleetAlerts.VOLUME_CRITICAL)
                            && a.severity() == Alert.Severity.CRITICAL
                            && a.subject().startsWith(DemoFleet.SHARED_NAMESPACE));
                    crashLoop |= snapshot.workers().stream().anyMatch(w -> w.namespace()
                            .equals(DemoFleet.SHARED_NAMESPACE) && w.restarts() != null && w.restarts() > 0)
                            && alerts.active().stream().anyMatch(a -> a.kind().equals(FleetAlerts.CRASH_LOOP));
                }
                assertThat(critical).as("volume forecast critical on a shared worker").isTrue();
                assertThat(crashLoop).as("crash-loop raised for the shared workers").isTrue();
                List<Worker> shared = engine.latest().workers().stream()
                        .filter(w -> w.namespace().equals(DemoFleet.SHARED_NAMESPACE)).toList();
                assertThat(shared).hasSize(DemoFleet.SHARED_REPLICAS)
                        .allMatch(w -> ImageBehaviour.INCIDENT_TAG.equals(w.imageTag()));
            } finally {
                engine.close();
            }
        }
    }
}
