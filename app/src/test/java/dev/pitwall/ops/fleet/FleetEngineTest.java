package dev.pitwall.ops.fleet;

import dev.pitwall.model.Alert;
import dev.pitwall.model.BackendStatus.State;
import dev.pitwall.model.ExecutionMode;
import dev.pitwall.model.ExecutionModeSource;
import dev.pitwall.model.KubeEvent;
import dev.pitwall.model.NamespaceSummary;
import dev.pitwall.model.NamespaceSummary.WorkloadReadiness;
import dev.pitwall.model.Worker;
import dev.pitwall.ops.alert.AlertCenter;
import dev.pitwall.ops.exec.DirectExecutor;
import dev.pitwall.ops.fleet.ClusterEvent.EventSeen;
import dev.pitwall.ops.fleet.ClusterEvent.NamespaceForbidden;
import dev.pitwall.ops.fleet.ClusterEvent.NamespaceSeen;
import dev.pitwall.ops.fleet.ClusterEvent.PodDeleted;
import dev.pitwall.ops.fleet.ClusterEvent.RevisionChanged;
import dev.pitwall.ops.fleet.ClusterEvent.WorkloadChanged;
import dev.pitwall.ops.fleet.VolumeStatsSource.VolumeUsage;
import dev.pitwall.testing.FleetFakes;
import dev.pitwall.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.pitwall.testing.FleetFakes.heartbeat;
import static dev.pitwall.testing.FleetFakes.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

class FleetEngineTest {

    private static final long GIB = 1024L * 1024 * 1024;
    private static final Instant START = Instant.parse("2026-11-27T22:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final FleetFakes.Cluster cluster = new FleetFakes.Cluster();
    private final FleetFakes.Volumes volumes = new FleetFakes.Volumes();
    private final FleetFakes.Heartbeats heartbeats = new FleetFakes.Heartbeats();
    private final AlertCenter alerts = new AlertCenter(clock, 1000);
    private final DirectExecutor executor = new DirectExecutor();
    private FleetEngine engine;

    @BeforeEach
    void start() {
        engine = FleetFakes.engine(new FleetSources(cluster, volumes, heartbeats, null, null), executor, clock,
                alerts);
        engine.start().join();
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private Worker row(String namespace, String pod) {
        return engine.latest().workers().stream().filter(w -> w.key().equals(Worker.key(namespace, pod)))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + namespace + "/" + pod));
    }

    private NamespaceSummary namespace(String name) {
        return engine.latest().namespaces().stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no namespace " + name));
    }

    @Test
    void podsBecomeRowsWithWorkloadRevisionGroupAndMode() {
        cluster.emit(new RevisionChanged(new RevisionState("ReplicaSet", "ap-shared", "activepieces-worker-5d9f",
                        "Deployment", "activepieces-worker", 4L)),
                new RevisionChanged(new RevisionState("ControllerRevision", "ap-dedicated-acme",
                        "activepieces-worker-acme-7c4b", "StatefulSet", "activepieces-worker-acme", 2L)));
        cluster.pods(pod("ap-shared", "activepieces-worker-5d9f-x1").restarts(3, "OOMKilled").build(),
                pod("ap-dedicated-acme", "activepieces-worker-acme-0")
                        .statefulSet("activepieces-worker-acme", "activepieces-worker-acme-7c4b")
                        .env(EnvVar.literal("AP_WORKER_GROUP_ID", "wg-acme"))
                        .env(EnvVar.literal("AP_EXECUTION_MODE", "SANDBOX_CODE_AND_PROCESS"))
                        .image("ghcr.io/activepieces/activepieces:0.87.3@sha256:ab12").build());

        Worker shared = row("ap-shared", "activepieces-worker-5d9f-x1");
        assertThat(shared.workload()).isEqualTo("activepieces-worker");
        assertThat(shared.group()).isEqualTo("shared");
        assertThat(shared.revision()).isEqualTo(4L);
        assertThat(shared.phase()).isEqualTo("Running");
        assertThat(shared.restarts()).isEqualTo(3);
        assertThat(shared.lastTerminationReason()).isEqualTo("OOMKilled");
        assertThat(shared.imageTag()).isEqualTo("0.87.3");
        assertThat(shared.executionMode().mode()).contains(ExecutionMode.SANDBOX_PROCESS);
        assertThat(shared.executionMode().source()).isEqualTo(ExecutionModeSource.ENV);

        Worker dedicated = row("ap-dedicated-acme", "activepieces-worker-acme-0");
        assertThat(dedicated.workload()).isEqualTo("activepieces-worker-acme");
        assertThat(dedicated.group()).isEqualTo("wg-acme");
        assertThat(dedicated.revision()).isEqualTo(2L);
        assertThat(dedicated.imageTag()).isEqualTo("0.87.3");
        assertThat(dedicated.executionMode().display()).isEqualTo("SANDBOX_CODE_AND_PROCESS");
    }

    @Test
    void aReplicaSetSeenAfterItsPodsFillsInTheirRevision() {
        cluster.pods(pod("ap-shared", "w-1").build());
        assertThat(row("ap-shared", "w-1").revision()).isNull();
        assertThat(row("ap-shared", "w-1").unknown(Worker.REVISION))
                .isEqualTo("ReplicaSet activepieces-worker-5d9f not seen (does it carry the worker label?)");
        assertThat(row("ap-shared", "w-1").workload()).isEqualTo("activepieces-worker");

        cluster.emit(new RevisionChanged(new RevisionState("ReplicaSet", "ap-shared", "activepieces-worker-5d9f",
                "Deployment", "activepieces-worker", 7L)));
        assertThat(row("ap-shared", "w-1").revision()).isEqualTo(7L);
        assertThat(row("ap-shared", "w-1").unknown(Worker.REVISION)).isNull();
    }

    @Test
    void heartbeatsJoinPodsByIpAndTheirModeWinsOverTheEnv() {
        var p = pod("ap-dedicated-globex", "activepieces-worker-globex-0").ip("10.1.0.7");
        cluster.pods(p.build(), pod("ap-shared", "w-2").ip("10.1.0.8").build());
        heartbeats.set(heartbeat("worker-abc", "10.1.0.7", "SANDBOX_CODE_ONLY", "0.87.3",
                START.minusSeconds(12), 2, 5), heartbeat("ghost", "10.9.9.9", "UNSANDBOXED", "0.87.3", START, 0, 1));
        heartbeats.problems("workerMachines entry 'broken' is not valid JSON: Unexpected character");
        engine.readHeartbeats();

        Worker w = row("ap-dedicated-globex", "activepieces-worker-globex-0");
        assertThat(w.executionMode().mode()).contains(ExecutionMode.SANDBOX_CODE_ONLY);
        assertThat(w.executionMode().source()).isEqualTo(ExecutionModeSource.HEARTBEAT);
        assertThat(w.heartbeatAge(clock.instant())).isEqualTo(Duration.ofSeconds(12));
        assertThat(w.cpuPercent()).isEqualTo(42.5);
        assertThat(w.ramPercent()).isEqualTo(61.0);
        assertThat(w.sandboxesBusy()).isEqualTo(2);
        assertThat(w.sandboxesTotal()).isEqualTo(5);
        assertThat(row("ap-shared", "w-2").unknown(Worker.HEARTBEAT))
                .isEqualTo("no heartbeat from 10.1.0.8 in workerMachines");
        assertThat(engine.latest().notices()).containsExactly(
                "workerMachines entry 'broken' is not valid JSON: Unexpected character",
                "heartbeat of unknown worker ghost (IP 10.9.9.9 is no worker pod's)");
    }

    @Test
    void aHeartbeatWithoutUpdatedAtGetsItsAgeFromWhenItChanged() {
        cluster.pods(pod("ap-shared", "w-3").ip("10.2.0.1").build());
        heartbeats.set(heartbeat("w3", "10.2.0.1", "UNSANDBOXED", "0.87.3", null, 0, 5));
        engine.readHeartbeats();
        assertThat(row("ap-shared", "w-3").heartbeatAt()).isNull();
        assertThat(row("ap-shared", "w-3").unknown(Worker.HEARTBEAT)).startsWith("heartbeat age unknown");

        clock.advance(Duration.ofSeconds(5));
        heartbeats.set(heartbeat("w3", "10.2.0.1", "UNSANDBOXED", "0.87.3", null, 1, 5));
        engine.readHeartbeats();
        clock.advance(Duration.ofSeconds(3));
        assertThat(row("ap-shared", "w-3").heartbeatAge(clock.instant())).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void theForecastAppearsOnlyAfterFiveKubeletRoundsOverTwoMinutesAndTurnsCritical() {
        cluster.pods(pod("ap-shared", "w-4").node("node-7").build());
        long used = GIB;
        for (int round = 1; round <= 5; round++) {
            volumes.set("node-7", new VolumeUsage("ap-shared", "w-4", "cache", "cache-w-4", used, 2 * GIB));
            engine.readVolumes();
            Worker w = row("ap-shared", "w-4");
            assertThat(w.volume().usedBytes()).isEqualTo(used);
            if (round < 5) {
                assertThat(w.volume().fullInSeconds()).isNull();
                assertThat(w.unknown(Worker.FORECAST)).contains("have " + round);
            }
            clock.advance(Duration.ofSeconds(30));
            used += 100L * 1024 * 1024;
        }
        Worker w = row("ap-shared", "w-4");
        assertThat(w.volume().fillBytesPerSecond()).isCloseTo(100.0 * 1024 * 1024 / 30, within(1.0));
        // 624 MiB left at 100 MiB per 30 s
        assertThat(w.volume().fullInSeconds()).isEqualTo(188L);
        assertThat(alerts.active()).extracting(Alert::kind, Alert::subject)
                .contains(tuple(FleetAlerts.VOLUME_CRITICAL, "ap-shared/w-4"));
    }

    @Test
    void aKubeletThatDoesNotReportTheCacheVolumeIsSaidSo() {
        cluster.pods(pod("ap-shared", "w-5").node("node-2").build(),
                pod("ap-shared", "w-6").node("node-3").build(),
                pod("ap-shared", "w-7").node("node-2").cacheVolume(null).build());
        volumes.set("node-2", new VolumeUsage("ap-shared", "w-5", "tmp", null, 1, 10));
        volumes.fail("node-3", "403 Forbidden: nodes/proxy");
        engine.readVolumes();
        assertThat(row("ap-shared", "w-5").unknown(Worker.VOLUME)).isEqualTo("kubelet reports no volume cache");
        assertThat(row("ap-shared", "w-6").unknown(Worker.VOLUME))
                .isEqualTo("kubelet stats of node node-3: 403 Forbidden: nodes/proxy");
        assertThat(row("ap-shared", "w-7").unknown(Worker.VOLUME))
                .isEqualTo("no volume is mounted at the worker's cache path");
    }

    @Test
    void badInputShowsUnknownWithTheReason() {
        cluster.pods(pod("ap-shared", "bare").noStatus().noOwner().noEnv().cacheVolume(null).build(),
                pod("ap-shared", "odd").phase("Exploding").ready(null)
                        .env(EnvVar.literal("AP_EXECUTION_MODE", "SANDBOX_TURBO")).build(),
                pod("ap-shared", "old-name").env(EnvVar.literal("AP_EXECUTION_MODE", "SANDBOXED")).build(),
                pod("ap-shared", "lower").env(EnvVar.literal("AP_EXECUTION_MODE", "sandbox_process")).build(),
                pod("ap-shared", "hidden").env(EnvVar.reference("AP_WORKER_GROUP_ID", EnvVar.Kind.CONFIG_MAP_REF,
                        "configMap ap-env/group")).build());

        Worker bare = row("ap-shared", "bare");
        assertThat(bare.phase()).isNull();
        assertThat(bare.unknowns()).containsEntry(Worker.PHASE, "the pod has no status yet")
                .containsEntry(Worker.WORKLOAD, "the pod has no owner (not made by a Deployment or StatefulSet)")
                .containsEntry(Worker.REVISION, "the pod has no owner")
                .containsEntry(Worker.HEARTBEAT, "waiting for the first heartbeat read")
                .containsKey(Worker.EXECUTION_MODE);
        assertThat(bare.group()).isEqualTo("shared");

        Worker odd = row("ap-shared", "odd");
        assertThat(odd.phase()).isNull();
        assertThat(odd.unknown(Worker.PHASE)).isEqualTo("unrecognised phase 'Exploding'");
        assertThat(odd.unknown(Worker.READY)).isEqualTo("the pod has no Ready condition yet");
        assertThat(odd.executionMode().mode()).isEmpty();
        assertThat(odd.executionMode().display()).isEqualTo("SANDBOX_TURBO");
        assertThat(odd.unknown(Worker.EXECUTION_MODE)).isEqualTo("unrecognised execution mode 'SANDBOX_TURBO'");

        assertThat(row("ap-shared", "old-name").executionMode().display()).isEqualTo("SANDBOX_PROCESS");
        // read as the app reads it (and as the trust check does): a lower-case value names no mode
        assertThat(row("ap-shared", "lower").unknown(Worker.EXECUTION_MODE))
                .isEqualTo("unrecognised execution mode 'sandbox_process'");
        assertThat(row("ap-shared", "hidden").group()).isNull();
        assertThat(row("ap-shared", "hidden").unknown(Worker.GROUP))
                .isEqualTo("AP_WORKER_GROUP_ID is read from configMap ap-env/group");
    }

    @Test
    void aFeedThatDropsKeepsItsDataMarkedStaleSinceItsLastGoodRead() {
        cluster.pods(pod("ap-shared", "w-8").ip("10.3.0.1").build());
        heartbeats.set(heartbeat("w8", "10.3.0.1", "UNSANDBOXED", "0.87.3", START, 1, 5));
        engine.readHeartbeats();
        clock.advance(Duration.ofSeconds(5));
        heartbeats.fail("Connection refused");
        engine.readHeartbeats();

        FeedStatus feed = engine.latest().feed(FleetFeed.HEARTBEATS);
        assertThat(feed.state()).isEqualTo(State.STALE);
        assertThat(feed.staleSince()).isEqualTo(START);
        assertThat(feed.reason()).isEqualTo("Connection refused");
        assertThat(row("ap-shared", "w-8").cpuPercent()).isEqualTo(42.5);
    }

    @Test
    void aLostWatchMarksTheClusterStaleUntilItIsLiveAgain() {
        cluster.pods(pod("ap-shared", "w-9").build());
        executor.runScheduled();
        assertThat(engine.latest().feed(FleetFeed.CLUSTER).isLive()).isTrue();

        clock.advance(Duration.ofSeconds(2));
        cluster.emit(new ClusterEvent.WatchFailed("watch of pods: connection reset"));
        cluster.setConnection(ClusterWatch.Connection.down("watch of pods is not watching: connection reset"));
        executor.runScheduled();
        FeedStatus stale = engine.latest().feed(FleetFeed.CLUSTER);
        assertThat(stale.staleSince()).isEqualTo(START);
        assertThat(stale.reason()).isEqualTo("watch of pods is not watching: connection reset");
        assertThat(engine.latest().workers()).hasSize(1);

        clock.advance(Duration.ofSeconds(2));
        cluster.setConnection(ClusterWatch.Connection.up());
        executor.runScheduled();
        assertThat(engine.latest().feed(FleetFeed.CLUSTER).isLive()).isTrue();
    }

    @Test
    void crashLoopsAreAlertedAndClearedWhenThePodRecovers() {
        cluster.pods(pod("ap-shared", "w-10").restarts(4, "Error").waiting("CrashLoopBackOff").build());
        assertThat(alerts.active()).extracting(Alert::kind).containsExactly(FleetAlerts.CRASH_LOOP);
        assertThat(engine.latest().alerts()).extracting(Alert::subject).containsExactly("ap-shared/w-10");
        cluster.pods(pod("ap-shared", "w-10").restarts(4, "Error").build());
        assertThat(alerts.active()).isEmpty();
        assertThat(alerts.history()).extracting(AlertCenter.Entry::change)
                .containsExactly(AlertCenter.Change.RAISED, AlertCenter.Change.CLEARED);
    }

    @Test
    void restartsRisingWithoutBackOffAreACrashLoopToo() {
        for (int i = 0; i <= 3; i++) {
            cluster.pods(pod("ap-shared", "w-11").restarts(i, "Error").build());
            clock.advance(Duration.ofMinutes(2));
        }
        assertThat(alerts.active()).extracting(Alert::kind).containsExactly(FleetAlerts.CRASH_LOOP);
    }

    @Test
    void namespacesSummariseGroupsWorkloadsVolumesModesAndEvents() {
        cluster.emit(new NamespaceSeen("ap-shared"), new NamespaceSeen("ap-dedicated-acme"),
                new NamespaceSeen("ap-empty"),
                new WorkloadChanged(new WorkloadState("Deployment", "ap-shared", "activepieces-worker", 8, 6)),
                new WorkloadChanged(new WorkloadState("StatefulSet", "ap-dedicated-acme", "activepieces-worker-acme",
                        2, 2)),
                new NamespaceForbidden("ap-secret", "pods: 403 Forbidden: pods is forbidden"));
        cluster.pods(pod("ap-shared", "s-1").node("n1").build(), pod("ap-shared", "s-2").node("n1").build(),
                pod("ap-dedicated-acme", "d-1").env(EnvVar.literal("AP_WORKER_GROUP_ID", "wg-acme"))
                        .env(EnvVar.literal("AP_EXECUTION_MODE", "SANDBOX_CODE_AND_PROCESS")).build());
        cluster.emit(new EventSeen(new KubeEvent("ap-shared", "Pod", "s-1", "Warning", "BackOff",
                        "Back-off restarting failed container", 5, START)),
                new EventSeen(new KubeEvent("ap-shared", "Pod", "unrelated-job", "Normal", "Pulled", "", 1, START)));
        volumes.set("n1", new VolumeUsage("ap-shared", "s-1", "cache", null, GIB, 2 * GIB),
                new VolumeUsage("ap-shared", "s-2", "cache", null, GIB + GIB / 2, 2 * GIB));
        engine.readVolumes();

        NamespaceSummary shared = namespace("ap-shared");
        assertThat(shared.groups()).containsExactly("shared");
        assertThat(shared.isDedicated()).isFalse();
        assertThat(shared.workloads()).containsExactly(new WorkloadReadiness("Deployment", "activepieces-worker", 6,
                8));
        assertThat(shared.worstVolumePod()).isEqualTo("s-2");
        assertThat(shared.worstVolume().percent()).isEqualTo(75.0);
        assertThat(shared.executionModes()).containsExactly("SANDBOX_PROCESS");
        assertThat(shared.failedRunsLastHour()).isNull();
        assertThat(shared.failedRunsUnknown()).isEqualTo("platform not configured");
        assertThat(shared.recentEvents()).extracting(KubeEvent::reason).containsExactly("BackOff");

        NamespaceSummary acme = namespace("ap-dedicated-acme");
        assertThat(acme.isDedicated()).isTrue();
        assertThat(acme.groups()).containsExactly("wg-acme");
        assertThat(acme.executionModes()).containsExactly("SANDBOX_CODE_AND_PROCESS");

        assertThat(namespace("ap-empty").workerCount()).isZero();
        assertThat(namespace("ap-secret").access()).isEqualTo(NamespaceSummary.Access.FORBIDDEN);
        assertThat(namespace("ap-secret").accessReason()).contains("403");
    }

    @Test
    void failedRunsPerNamespaceComeFromThePlatform() {
        FleetFakes.FailedRuns runs = new FleetFakes.FailedRuns();
        runs.set(Map.of("ap-shared", 37L));
        DirectExecutor platformExecutor = new DirectExecutor();
        FleetFakes.Cluster otherCluster = new FleetFakes.Cluster();
        try (FleetEngine e = FleetFakes.engine(new FleetSources(otherCluster, volumes, null, runs, null),
                platformExecutor, clock, alerts)) {
            e.start().join();
            otherCluster.pods(pod("ap-shared", "s-1").build(), pod("ap-other", "o-1").build());
            assertThat(e.latest().namespaces().get(1).failedRunsUnknown()).isEqualTo("waiting for the platform");
            platformExecutor.runScheduled();
            NamespaceSummary shared = e.latest().namespaces().get(1);
            assertThat(shared.name()).isEqualTo("ap-shared");
            assertThat(shared.failedRunsLastHour()).isEqualTo(37L);
            assertThat(e.latest().namespaces().get(0).failedRunsUnknown())
                    .isEqualTo("the platform attributes no runs to this namespace");
        }
    }

    @Test
    void theDetailHasTheMaskedEnvThePodsEventsAndItsVolumeHistory() {
        cluster.pods(pod("ap-shared", "w-12").node("n5")
                .env(EnvVar.literal("AP_API_KEY", "sk-live-123"))
                .env(EnvVar.reference("AP_POSTGRES_URL", EnvVar.Kind.SECRET_REF, "secret db/url"))
                .env(EnvVar.literal("AP_WORKER_CONCURRENCY", "5")).build());
        cluster.emit(new EventSeen(new KubeEvent("ap-shared", "Pod", "w-12", "Warning", "BackOff", "back-off", 2,
                START)));
        for (int i = 0; i < 3; i++) {
            volumes.set("n5", new VolumeUsage("ap-shared", "w-12", "cache", null, GIB + i * 1000L, 2 * GIB));
            engine.readVolumes();
            clock.advance(Duration.ofSeconds(30));
        }
        PodDetail d = engine.detail("ap-shared/w-12").join().orElseThrow();
        assertThat(d.env()).extracting(EnvVar::name, EnvVar::display).contains(
                tuple("AP_API_KEY", EnvVar.MASK),
                tuple("AP_POSTGRES_URL", "(secret)"),
                tuple("AP_WORKER_CONCURRENCY", "5"));
        assertThat(d.env()).noneMatch(v -> "sk-live-123".equals(v.value()));
        assertThat(d.events()).extracting(KubeEvent::reason).containsExactly("BackOff");
        assertThat(d.volumeHistory()).hasSize(3);
        assertThat(d.volumeCapacityBytes()).isEqualTo(2 * GIB);
        assertThat(engine.detail("ap-shared/nope").join()).isEmpty();
    }

    @Test
    void unchangedRowsKeepTheirIdentityAndDeletedPodsLeave() {
        cluster.pods(pod("ap-shared", "a").build(), pod("ap-shared", "b").build());
        Worker a = row("ap-shared", "a");
        cluster.pods(pod("ap-shared", "b").restarts(1, "Error").build());
        assertThat(row("ap-shared", "a")).isSameAs(a);
        cluster.emit(new PodDeleted("ap-shared", "b"));
        assertThat(engine.latest().workers()).extracting(Worker::pod).containsExactly("a");
    }

    /** Informer events can still arrive after close: the engine folds them but schedules nothing more. */
    @Test
    void aClosedEngineSchedulesNoPublicationForLateEvents() {
        java.util.concurrent.atomic.AtomicInteger laters = new java.util.concurrent.atomic.AtomicInteger();
        DirectExecutor direct = new DirectExecutor();
        dev.pitwall.ops.exec.BackgroundExecutor counting = new dev.pitwall.ops.exec.BackgroundExecutor() {
            @Override
            public <T> java.util.concurrent.CompletableFuture<T> supply(java.util.concurrent.Callable<T> work) {
                return direct.supply(work);
            }

            @Override
            public Cancellable repeat(Runnable work, Duration initialDelay, Duration period) {
                return direct.repeat(work, initialDelay, period);
            }

            @Override
            public Cancellable later(Runnable work, Duration delay) {
                laters.incrementAndGet();
                return direct.later(work, delay);
            }

            @Override
            public void close() {
                direct.close();
            }
        };
        FleetFakes.Cluster late = new FleetFakes.Cluster();
        FleetEngine.Settings hourly = FleetEngine.Settings.defaults();
        hourly = new FleetEngine.Settings(hourly.heartbeatEvery(), hourly.volumesEvery(), hourly.failedRunsEvery(),
                hourly.tickEvery(), Duration.ofHours(1), hourly.alertsEvery(), hourly.forecast(), null);
        FleetEngine e = new FleetEngine(new FleetSources(late, volumes, null, null, null), counting, clock, alerts,
                new dev.pitwall.ops.connect.BackendHealthMonitor(dev.pitwall.model.ConnectionProfile.empty("t"),
                        java.util.List.of(), clock), hourly);
        e.start().join();
        late.pods(pod("ap-shared", "a").build());
        assertThat(laters).as("a change within the publication interval waits for a timer").hasValue(1);

        e.close();
        direct.runScheduled();
        late.pods(pod("ap-shared", "b").build());
        late.pods(pod("ap-shared", "c").build());
        assertThat(laters).as("after close").hasValue(1);
    }
}
