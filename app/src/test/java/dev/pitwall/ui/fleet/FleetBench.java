package dev.pitwall.ui.fleet;

import dev.pitwall.kube.ClusterHandlers;
import dev.pitwall.ops.alert.AlertCenter;
import dev.pitwall.ops.connect.BackendHealthMonitor;
import dev.pitwall.ops.exec.PooledExecutor;
import dev.pitwall.ops.fleet.ClusterEvent;
import dev.pitwall.ops.fleet.ClusterWatch;
import dev.pitwall.ops.fleet.FleetEngine;
import dev.pitwall.ops.fleet.FleetSnapshot;
import dev.pitwall.ops.fleet.FleetSources;
import dev.pitwall.testing.Await;
import dev.pitwall.testing.FleetFakes;
import dev.pitwall.ui.shell.Theme;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import javafx.animation.AnimationTimer;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import static dev.pitwall.testing.WorkerObjects.deployment;
import static dev.pitwall.testing.WorkerObjects.deploymentPod;
import static dev.pitwall.testing.WorkerObjects.replicaSet;

/**
 * 10,000 worker pods in 1,000 namespaces, then 500 pod updates a second for 60 s, fed through the informers' own
 * handler objects ({@link ClusterHandlers}: the mock API server manages ~65 edits a second, see toolchain notes) into
 * the real engine, view model and Fleet view on the real FX toolkit (Monocle, headless). Prints the delay from event
 * to applied row, the FX thread's busy share, the longest frame and the heap after a full GC.
 * Targets: p99 < 100 ms, FX < 30 % busy, no frame > 100 ms, heap < 400 MB.
 */
@Tag("bench")
@ExtendWith(ApplicationExtension.class)
class FleetBench {

    private static final int NAMESPACES = 1_000;
    private static final int PODS_PER_NAMESPACE = 10;
    private static final int RATE = 500;
    private static final Duration RUN = Duration.ofSeconds(60);

    /** A cluster watch whose events come from the benchmark, through the informers' handlers. */
    private static final class Recorded implements ClusterWatch {
        volatile ClusterHandlers handlers;

        @Override
        public CompletableFuture<Void> start(Consumer<ClusterEvent> sink) {
            handlers = new ClusterHandlers(sink);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public Connection connection() {
            return Connection.up();
        }

        @Override
        public void close() {
        }
    }

    private final Recorded cluster = new Recorded();
    private final PooledExecutor executor = new PooledExecutor(6);
    private FleetEngine engine;
    private FleetViewModel model;

    @Start
    void start(Stage stage) {
        Clock clock = Clock.systemUTC();
        engine = new FleetEngine(new FleetSources(cluster, new FleetFakes.Volumes(), null, null, null), executor,
                clock, new AlertCenter(clock, AlertCenter.DEFAULT_HISTORY),
                new BackendHealthMonitor(dev.pitwall.model.ConnectionProfile.empty("bench"), List.of(), clock),
                FleetEngine.Settings.defaults());
        engine.start();
        model = new FleetViewModel(engine, executor, ZoneOffset.UTC);
        Scene scene = new Scene((Parent) FleetScreen.create(model, ZoneOffset.UTC), 1600, 1000);
        scene.getStylesheets().setAll(Theme.LIGHT.stylesheets());
        stage.setScene(scene);
        stage.show();
    }

    private static String namespace(int n) {
        return "tenant-" + n;
    }

    /** The first version of a pod: a full worker pod, as the informer's initial list delivers it. */
    private static Pod pod(int n, int k) {
        Pod p = deploymentPod(namespace(n), "activepieces-worker", "6c9d", String.format(Locale.ROOT, "p%02d", k),
                "10." + (n / 250) + "." + (n % 250) + "." + k, "node-" + (n % 50), "0.87.3").build();
        p.getMetadata().setResourceVersion("1");
        return p;
    }

    /**
     * The next version of a pod, as a watch event delivers it: new metadata and status objects, the spec shared (a
     * status update does not change it). Cheap to make, so that the feed keeps its rate.
     */
    private static Pod next(Pod before, long version, int restarts, boolean ready) {
        ObjectMeta meta = new ObjectMeta();
        meta.setName(before.getMetadata().getName());
        meta.setNamespace(before.getMetadata().getNamespace());
        meta.setLabels(before.getMetadata().getLabels());
        meta.setOwnerReferences(before.getMetadata().getOwnerReferences());
        meta.setResourceVersion(Long.toString(version));
        PodStatus status = new PodStatus();
        status.setPhase("Running");
        status.setPodIP(before.getStatus().getPodIP());
        PodCondition readyCondition = new PodCondition();
        readyCondition.setType("Ready");
        readyCondition.setStatus(ready ? "True" : "False");
        status.setConditions(List.of(readyCondition));
        ContainerStatus cs = new ContainerStatus();
        cs.setName("activepieces");
        cs.setRestartCount(restarts);
        cs.setReady(ready);
        status.setContainerStatuses(List.of(cs));
        return new Pod(before.getApiVersion(), before.getKind(), meta, before.getSpec(), status);
    }

    @Test
    void tenThousandPodsAtFiveHundredUpdatesASecond(FxRobot robot) throws Exception {
        ClusterHandlers h = cluster.handlers;
        long version = 2;
        Pod[][] current = new Pod[NAMESPACES][PODS_PER_NAMESPACE];
        for (int n = 0; n < NAMESPACES; n++) {
            h.deployments().onAdd(deployment(namespace(n), "activepieces-worker", PODS_PER_NAMESPACE,
                    PODS_PER_NAMESPACE));
            h.replicaSets().onAdd(replicaSet(namespace(n), "activepieces-worker", "6c9d", 3, "0.87.3"));
            for (int k = 0; k < PODS_PER_NAMESPACE; k++) {
                current[n][k] = pod(n, k);
                h.pods().onAdd(current[n][k]);
            }
        }
        Await.until("10,000 rows in the table", Duration.ofSeconds(60), () -> {
            int[] size = new int[1];
            robot.interact(() -> size[0] = model.items().size());
            return size[0] == NAMESPACES * PODS_PER_NAMESPACE;
        });
        long base = engine.latest().clusterEvents();

        int total = (int) (RATE * RUN.toSeconds());
        long[] injected = new long[total];
        long[] delays = new long[total];
        AtomicLong covered = new AtomicLong();
        AtomicLong longestFrame = new AtomicLong();
        AtomicLong frames = new AtomicLong();
        AtomicLong slowFrames = new AtomicLong();
        long[] fxThread = new long[1];
        robot.interact(() -> {
            fxThread[0] = Thread.currentThread().getId();
            model.appliedProperty().addListener((obs, old, s) -> record(s, base, injected, delays, covered));
            new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    if (last != 0) {
                        longestFrame.accumulateAndGet(now - last, Math::max);
                        frames.incrementAndGet();
                        if (now - last > 100_000_000L) {
                            slowFrames.incrementAndGet();
                        }
                    }
                    last = now;
                }
            }.start();
        });
        var threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getThreadCpuTime(fxThread[0]);
        long gcCount0 = gcCount();
        long gcMillis0 = gcMillis();
        long t0 = System.nanoTime();
        longestFrame.set(0);
        frames.set(0);
        slowFrames.set(0);

        SplittableRandom random = new SplittableRandom(42);
        long period = 1_000_000_000L / RATE;
        for (int i = 0; i < total; i++) {
            long due = t0 + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int n = random.nextInt(NAMESPACES);
            int k = random.nextInt(PODS_PER_NAMESPACE);
            Pod before = current[n][k];
            int restarts = before.getStatus().getContainerStatuses().get(0).getRestartCount();
            boolean flip = random.nextInt(4) == 0;
            Pod after = next(before, version++, flip ? restarts : restarts + 1, flip != isReady(before));
            current[n][k] = after;
            injected[i] = System.nanoTime();
            h.pods().onUpdate(before, after);
        }
        long wall = System.nanoTime() - t0;
        long fxCpu = threads.getThreadCpuTime(fxThread[0]) - cpu0;
        long gcs = gcCount() - gcCount0;
        long gcTime = gcMillis() - gcMillis0;
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Await.until("every update applied", Duration.ofSeconds(30), () -> covered.get() >= total);

        long[] sorted = Arrays.copyOf(delays, total);
        Arrays.sort(sorted);
        robot.interact(() -> { });
        System.gc();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();

        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "BENCH fleet-updates-applied: %d in %.1f s (%d pods, %d namespaces)",
                total, wall / 1e9, NAMESPACES * PODS_PER_NAMESPACE, NAMESPACES));
        lines.add(String.format(Locale.ROOT, "BENCH fleet-event-to-row-p50-ms: %.1f", sorted[total / 2] / 1e6));
        lines.add(String.format(Locale.ROOT, "BENCH fleet-event-to-row-p99-ms: %.1f (target < 100)",
                sorted[(int) (total * 0.99)] / 1e6));
        lines.add(String.format(Locale.ROOT, "BENCH fleet-event-to-row-max-ms: %.1f", sorted[total - 1] / 1e6));
        lines.add(String.format(Locale.ROOT, "BENCH fleet-fx-thread-busy-percent: %.1f (target < 30)",
                100.0 * fxCpu / wall));
        lines.add(String.format(Locale.ROOT, "BENCH fleet-longest-frame-ms: %.1f (target < 100)",
                longestFrame.get() / 1e6));
        lines.add(String.format(Locale.ROOT, "BENCH fleet-frames-over-100-ms: %d of %d", slowFrames.get(),
                frames.get()));
        lines.add(String.format(Locale.ROOT, "BENCH fleet-gc-during-run: %d collections, %d ms in total",
                gcs, gcTime));
        lines.add(String.format(Locale.ROOT, "BENCH fleet-machine-load-average: %.1f on %d cores", load,
                Runtime.getRuntime().availableProcessors()));
        lines.add(String.format(Locale.ROOT, "BENCH fleet-heap-after-gc-mb: %.0f (target < 400)", heap / 1e6));
        lines.forEach(System.out::println);
        engine.close();
        executor.close();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> b.getCollectionCount()).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> b.getCollectionTime()).sum();
    }

    private static boolean isReady(Pod p) {
        return "True".equals(p.getStatus().getConditions().get(0).getStatus());
    }

    /** On the FX thread, after an apply: every event folded into the applied snapshot has reached its row. */
    private static void record(FleetSnapshot s, long base, long[] injected, long[] delays, AtomicLong covered) {
        long now = System.nanoTime();
        long upTo = Math.min(injected.length, s.clusterEvents() - base);
        for (long i = covered.get(); i < upTo; i++) {
            delays[(int) i] = now - injected[(int) i];
        }
        if (upTo > covered.get()) {
            covered.set(upTo);
        }
    }
}
