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
import org.junit.jupiter.api.io.TempDir;

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

    @TempDir
    Path state;

    @Test
    void theForecastTurnsCriticalOnTheSharedWorkersAndTheCrashLoopsAreRaised() throws Exception {
        try (DemoEnvironment demo = DemoEnvironment.start(
                new DemoEnvironment.Options(Scenario.INCIDENT, 21, 0, SimClock.EPOCH));
             PooledExecutor executor = new PooledExecutor(2)) {
            MutableClock clock = new MutableClock(Instant.now());
            AlertCenter alerts = new AlertCenter(clock, 10_000);
            FleetEngine engine = engine(demo, executor, clock, alerts, FleetEngine.Settings.defaults().immediate()
                    .withKnownAppVersion(ImageBehaviour.STABLE_TAG)
                    .withVolumeSampling(Duration.ofSeconds(30), ForecastRule.DEFAULT));
            try {
                started(engine);
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

    @Test
    void theNamespacesCountFailedRunsFromThePlatformAndVersionsAreCheckedAgainstTheAppsOwn() throws Exception {
        try (DemoEnvironment demo = DemoEnvironment.start(
                new DemoEnvironment.Options(Scenario.INCIDENT, 22, 0, SimClock.EPOCH));
             PooledExecutor executor = new PooledExecutor(2)) {
            // the console's clock is the simulated one: "the last hour" of failed runs is simulated time
            MutableClock clock = new MutableClock(SimClock.EPOCH);
            AlertCenter alerts = new AlertCenter(clock, 10_000);
            FleetEngine engine = engine(demo, executor, clock, alerts, FleetEngine.Settings.defaults().immediate());
            try {
                started(engine);
                for (int minute = 0; minute < 20; minute += 2) {
                    demo.advance(Duration.ofMinutes(2));
                    clock.advance(Duration.ofMinutes(2));
                }
                engine.readHeartbeats();
                engine.readPlatform();
                FleetSnapshot snapshot = engine.snapshotNow().get(30, TimeUnit.SECONDS);

                assertThat(snapshot.appVersion().version()).isEqualTo(ImageBehaviour.STABLE_TAG);
                assertThat(snapshot.appVersion().source()).isEqualTo(dev.pitwall.ops.fleet.AppVersion.FROM_PLATFORM);
                List<Alert> mismatches = alerts.active().stream()
                        .filter(a -> a.kind().equals(FleetAlerts.VERSION_MISMATCH)).toList();
                // the rolled shared workers are the odd ones out, not the healthy dedicated ones
                assertThat(mismatches).isNotEmpty()
                        .allMatch(a -> a.subject().startsWith(DemoFleet.SHARED_NAMESPACE + "/"))
                        .allMatch(a -> a.message().contains(ImageBehaviour.INCIDENT_TAG));

                var byNamespace = new java.util.HashMap<String, Long>();
                snapshot.namespaces().forEach(n -> byNamespace.put(n.name(), n.failedRunsLastHour()));
                long platformFailed = demo.platform().runs().stream()
                        .filter(r -> r.status().isFailed()
                                && !r.created().isBefore(clock.instant().minus(Duration.ofHours(1))))
                        .filter(r -> r.workerId() != null).count();
                assertThat(byNamespace.get(DemoFleet.namespaceOf("globex")))
                        .as("globex's npm failures since its mode flipped").isPositive();
                assertThat(byNamespace.values()).doesNotContainNull();
                assertThat(byNamespace.values().stream().mapToLong(Long::longValue).sum())
                        .as("every failed run with a worker is counted in exactly one namespace")
                        .isEqualTo(platformFailed);
            } finally {
                engine.close();
            }
        }
    }

    /** An engine on the demo through the real adapters (informers, kubelet stats, heartbeats, platform). */
    private FleetEngine engine(DemoEnvironment demo, PooledExecutor executor, MutableClock clock,
                               AlertCenter alerts, FleetEngine.Settings settings) {
        Backends backends = new Backends(ref -> Optional.of(demo.platformKey()), state);
        return new FleetEngine(backends.fleetSources(demo.profile()), executor, clock, alerts,
                new BackendHealthMonitor(demo.profile(), List.of(), clock), settings);
    }

    /** The watch's initial sync; a time-out says what the feeds last reported. */
    private static void started(FleetEngine engine) throws Exception {
        try {
            engine.startWatch().get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the watch did not sync in 60 s; feeds: " + engine.latest().feeds(), e);
        }
    }
}
