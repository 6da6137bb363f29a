package dev.pitwall.ops.fleet;

import dev.pitwall.model.Alert;
import dev.pitwall.model.BackendKind;
import dev.pitwall.model.Worker;
import dev.pitwall.ops.alert.AlertCenter;
import dev.pitwall.ops.connect.BackendHealthMonitor;
import dev.pitwall.ops.exec.BackgroundExecutor;
import dev.pitwall.ops.exec.BackgroundExecutor.Cancellable;
import dev.pitwall.ops.exec.CoalescingTask;
import dev.pitwall.ops.fleet.VolumeStatsSource.VolumeUsage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Keeps the fleet live: cluster events, heartbeat reads every 5 s, kubelet volume stats every 30 s and failed-run
 * counts every minute are queued as inputs and folded, in order, by one serial task on the background executor (never
 * on the FX thread). After a batch of inputs it publishes an immutable {@link FleetSnapshot} - at most once per
 * {@code minPublishInterval}, so that 500 events a second cost a few dozen snapshots - and re-evaluates the alerts.
 * Each feed's failures and recoveries go to the health monitor (the status bar) and into the snapshot, whose rows
 * keep their last data, marked stale.
 */
public final class FleetEngine implements AutoCloseable {

    /**
     * How often each feed is read, the least time between two snapshots and between two alert evaluations, how much
     * volume history a forecast needs, and the app version when the caller knows it.
     */
    public record Settings(Duration heartbeatEvery, Duration volumesEvery, Duration failedRunsEvery,
                           Duration tickEvery, Duration minPublishInterval, Duration alertsEvery,
                           ForecastRule forecast, String knownAppVersion) {

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(60),
                    Duration.ofSeconds(2), Duration.ofMillis(25), Duration.ofSeconds(1), ForecastRule.DEFAULT, null);
        }

        /** Publishes and evaluates the alerts after every change: for the headless command and for tests. */
        public Settings immediate() {
            return new Settings(heartbeatEvery, volumesEvery, failedRunsEvery, tickEvery, Duration.ZERO,
                    Duration.ZERO, forecast, knownAppVersion);
        }

        /** Kubelet stats every {@code every}, forecasts by {@code rule} (a demo running time fast reads more often). */
        public Settings withVolumeSampling(Duration every, ForecastRule rule) {
            return new Settings(heartbeatEvery, every, failedRunsEvery, tickEvery, minPublishInterval, alertsEvery,
                    rule, knownAppVersion);
        }

        /** The version the app runs, when the caller knows it better than the platform does. */
        public Settings withKnownAppVersion(String version) {
            return new Settings(heartbeatEvery, volumesEvery, failedRunsEvery, tickEvery, minPublishInterval,
                    alertsEvery, forecast, version);
        }
    }

    private static final Duration FAILED_RUN_WINDOW = Duration.ofHours(1);

    private final FleetSources sources;
    private final BackgroundExecutor executor;
    private final Clock clock;
    private final AlertCenter alerts;
    private final BackendHealthMonitor health;
    private final Settings settings;
    private final FleetFold fold;
    private final ConcurrentLinkedQueue<Consumer<FleetFold>> inbox = new ConcurrentLinkedQueue<>();
    private final CoalescingTask drain;
    private final List<Consumer<FleetSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private final List<Cancellable> schedules = new CopyOnWriteArrayList<>();
    /** Feed states: written only by fold inputs (the serial task). */
    private final Map<FleetFeed, FeedStatus> feeds = new EnumMap<>(FleetFeed.class);
    private volatile FleetSnapshot latest;
    /** Set by close(): from then on the engine schedules nothing, so nothing of it outlives its executor. */
    private volatile boolean closed;
    private volatile Set<String> nodes = Set.of();
    private volatile String platformAppVersion;
    // publication state: touched only by the serial task
    private boolean dirty = true;
    private boolean publishScheduled;
    private long lastPublishNanos;
    private long lastAlertsNanos;
    private boolean alertsEvaluated;
    private AppVersion appVersion;
    private List<Alert> fleetAlerts = List.of();

    public FleetEngine(FleetSources sources, BackgroundExecutor executor, Clock clock, AlertCenter alerts,
                       BackendHealthMonitor health, Settings settings) {
        this.sources = sources;
        this.executor = executor;
        this.clock = clock;
        this.alerts = alerts;
        this.health = health;
        this.settings = settings;
        this.fold = new FleetFold(sources.heartbeats() == null ? "no Redis in this profile" : null,
                sources.failedRuns() == null ? "platform not configured" : null, settings.forecast());
        feeds.put(FleetFeed.CLUSTER, FeedStatus.initial(FleetFeed.CLUSTER, true));
        feeds.put(FleetFeed.VOLUME_STATS, FeedStatus.initial(FleetFeed.VOLUME_STATS, true));
        feeds.put(FleetFeed.HEARTBEATS, FeedStatus.initial(FleetFeed.HEARTBEATS, sources.heartbeats() != null));
        feeds.put(FleetFeed.FAILED_RUNS, FeedStatus.initial(FleetFeed.FAILED_RUNS, sources.failedRuns() != null));
        this.drain = new CoalescingTask(executor, this::drain);
        this.latest = new FleetSnapshot(clock.instant(), 0, List.of(), List.of(), Set.of(), List.of(), List.of(),
                feeds, List.of(), null);
    }

    /** Called from the serial task with every published snapshot. */
    public void addListener(Consumer<FleetSnapshot> listener) {
        listeners.add(listener);
    }

    public FleetSnapshot latest() {
        return latest;
    }

    /**
     * Starts the watch and the periodic reads. The future completes when the cluster's initial state is in.
     */
    public CompletableFuture<Void> start() {
        CompletableFuture<Void> synced = startWatch();
        keep(executor.repeat(this::checkConnection, settings.tickEvery(), settings.tickEvery()));
        if (sources.heartbeats() != null) {
            keep(executor.repeat(this::readHeartbeats, Duration.ZERO, settings.heartbeatEvery()));
        }
        if (sources.failedRuns() != null || sources.appVersion() != null) {
            keep(executor.repeat(this::readPlatform, Duration.ZERO, settings.failedRunsEvery()));
        }
        return synced.thenRun(() -> keep(executor.repeat(this::readVolumes, Duration.ZERO,
                settings.volumesEvery())));
    }

    /** Keeps a schedule to cancel at close; one made while closing (the sync ended just then) is cancelled at once. */
    private void keep(Cancellable schedule) {
        schedules.add(schedule);
        if (closed) {
            schedule.cancel();
        }
    }

    /**
     * Starts only the watch, for a caller that reads the other feeds itself ({@link #readHeartbeats()},
     * {@link #readVolumes()}). The future completes when the cluster's initial state has been folded in and
     * published, so that a volume read right after it knows every worker's node.
     */
    public CompletableFuture<Void> startWatch() {
        return sources.cluster().start(e -> submit(f -> clusterEvent(f, e)))
                .thenCompose(synced -> snapshotNow()).thenApply(snapshot -> null);
    }

    /** The current detail of one pod, or empty when it is gone. */
    public CompletableFuture<Optional<PodDetail>> detail(String podKey) {
        return query(f -> Optional.ofNullable(f.detail(podKey)));
    }

    /** A snapshot of everything folded so far, published now whatever the interval (for the headless command). */
    public CompletableFuture<FleetSnapshot> snapshotNow() {
        return query(f -> {
            publish();
            return latest;
        });
    }

    /** Reads every worker node's kubelet stats once (blocking I/O: call from a background thread). */
    public void readVolumes() {
        Set<String> round = nodes;
        Map<String, List<VolumeUsage>> answered = new LinkedHashMap<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (String node : round) {
            try {
                answered.put(node, sources.volumes().read(node));
            } catch (FeedException | RuntimeException e) {
                failed.put(node, reason(e));
            }
        }
        Instant at = clock.instant();
        submit(f -> {
            if (!round.isEmpty() && answered.isEmpty()) {
                // no kubelet answers at all: the API server is the problem; keep the readings, marked stale
                feedFailed(FleetFeed.VOLUME_STATS, at, "no kubelet answered: " + failed.values().iterator().next());
                return;
            }
            answered.forEach((node, usages) -> f.volumes(node, usages, at));
            failed.forEach(f::volumesFailed);
            f.volumeRoundDone();
            feedOk(FleetFeed.VOLUME_STATS, at);
        });
    }

    /** Reads the heartbeats once (blocking I/O: call from a background thread). */
    public void readHeartbeats() {
        HeartbeatSource source = sources.heartbeats();
        if (source == null) {
            return;
        }
        try {
            HeartbeatSource.Read read = source.read();
            Instant at = clock.instant();
            submit(f -> {
                f.heartbeats(read, at);
                feedOk(FleetFeed.HEARTBEATS, at);
            });
            health.reportSuccess(BackendKind.REDIS);
        } catch (FeedException | RuntimeException e) {
            Instant at = clock.instant();
            submit(f -> feedFailed(FleetFeed.HEARTBEATS, at, reason(e)));
            health.reportFailure(BackendKind.REDIS, reason(e));
        }
    }

    @Override
    public void close() {
        closed = true;
        schedules.forEach(Cancellable::cancel);
        sources.close();
    }

    // ---- the serial task ----

    private void submit(Consumer<FleetFold> input) {
        inbox.add(input);
        drain.request();
    }

    private <T> CompletableFuture<T> query(Function<FleetFold, T> question) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        submit(f -> {
            try {
                answer.complete(question.apply(f));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    private void drain() {
        Consumer<FleetFold> input;
        while ((input = inbox.poll()) != null) {
            input.accept(fold);
            dirty = true;
        }
        long wait = lastPublishNanos + settings.minPublishInterval().toNanos() - System.nanoTime();
        if (!dirty) {
            return;
        }
        if (wait <= 0) {
            publish();
        } else if (!publishScheduled && !closed) {
            publishScheduled = true;
            executor.later(() -> submit(f -> publishScheduled = false), Duration.ofNanos(wait));
        }
    }

    private void publish() {
        Instant now = clock.instant();
        fold.refresh();
        List<Worker> workers = fold.workers();
        long nanos = System.nanoTime();
        if (!alertsEvaluated || nanos - lastAlertsNanos >= settings.alertsEvery().toNanos()) {
            // alerts (and the app version they compare with) are a pass over every row: once a second is enough
            appVersion = AppVersion.resolve(settings.knownAppVersion() != null ? settings.knownAppVersion()
                    : platformAppVersion, workers);
            fleetAlerts = FleetAlerts.evaluate(workers, key -> fold.restartsRising(key, now), appVersion, now);
            alerts.reconcile(FleetAlerts.KINDS, fleetAlerts);
            lastAlertsNanos = nanos;
            alertsEvaluated = true;
        }
        FleetSnapshot snapshot = new FleetSnapshot(now, fold.clusterEvents(), workers, fold.takeChanged(),
                fold.takeRemoved(), fold.namespaces(), fleetAlerts, feeds, fold.notices(), appVersion);
        latest = snapshot;
        nodes = fold.nodes();
        dirty = false;
        lastPublishNanos = System.nanoTime();
        for (Consumer<FleetSnapshot> l : listeners) {
            try {
                l.accept(snapshot);
            } catch (RuntimeException e) {
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
        }
    }

    private void clusterEvent(FleetFold f, ClusterEvent e) {
        if (e instanceof ClusterEvent.WatchFailed failed) {
            feedFailed(FleetFeed.CLUSTER, clock.instant(), failed.reason());
            health.reportFailure(BackendKind.KUBERNETES, failed.reason());
        } else {
            f.apply(e, clock.instant());
        }
    }

    private void checkConnection() {
        ClusterWatch.Connection c = sources.cluster().connection();
        Instant at = clock.instant();
        if (c.live()) {
            submit(f -> feedOk(FleetFeed.CLUSTER, at));
            health.reportSuccess(BackendKind.KUBERNETES);
        } else {
            submit(f -> feedFailed(FleetFeed.CLUSTER, at, c.reason()));
            health.reportFailure(BackendKind.KUBERNETES, c.reason());
        }
    }

    /** Failed-run counts and the app version: once a minute, or now (the headless command and tests). */
    public void readPlatform() {
        Instant now = clock.instant();
        if (sources.appVersion() != null) {
            try {
                platformAppVersion = sources.appVersion().appVersion().orElse(null);
            } catch (FeedException | RuntimeException e) {
                // the app version is a refinement: without it the most common worker version stands in
            }
        }
        FailedRunCounter counter = sources.failedRuns();
        if (counter == null) {
            return;
        }
        try {
            var namespaces = query(FleetFold::namespaceWorkers).get(30, TimeUnit.SECONDS);
            Map<String, Long> counts = counter.failedRunsSince(now.minus(FAILED_RUN_WINDOW), namespaces);
            submit(f -> {
                f.failedRuns(counts);
                feedOk(FleetFeed.FAILED_RUNS, now);
            });
            health.reportSuccess(BackendKind.PLATFORM);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            String why = reason(e);
            submit(f -> {
                if (feeds.get(FleetFeed.FAILED_RUNS).since() == null) {
                    f.failedRunsUnavailable("platform: " + why);
                }
                feedFailed(FleetFeed.FAILED_RUNS, now, why);
            });
            health.reportFailure(BackendKind.PLATFORM, why);
        }
    }

    private void feedOk(FleetFeed feed, Instant at) {
        feeds.put(feed, feeds.get(feed).succeeded(at));
    }

    private void feedFailed(FleetFeed feed, Instant at, String why) {
        feeds.put(feed, feeds.get(feed).failed(at, why));
    }

    /** The innermost message of a failure, without stack trace noise. */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && !(root instanceof FeedException)) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
