package dev.pitwall.app;

import dev.pitwall.model.BackendKind;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.model.FlowRun;
import dev.pitwall.ops.connect.BackendHealthMonitor;
import dev.pitwall.ops.exec.BackgroundExecutor;
import dev.pitwall.ops.fleet.FleetEngine;
import dev.pitwall.ops.queues.QueueBackend;
import dev.pitwall.ops.queues.QueueBoard;
import dev.pitwall.ops.queues.QueueMonitor;
import dev.pitwall.ops.queues.QueueRow;
import dev.pitwall.ops.queues.TrendPoint;
import dev.pitwall.ops.runs.FlowRunSource;
import dev.pitwall.ops.timeline.FailedRunList;
import dev.pitwall.ops.timeline.FailureBuckets;
import dev.pitwall.ops.timeline.FailureSpikes;
import dev.pitwall.ops.report.ReportSources;
import dev.pitwall.ops.timeline.TimelineEntry;
import dev.pitwall.ops.timeline.TimelineSource;
import dev.pitwall.ops.trust.TrustSession;
import dev.pitwall.ui.common.FrameCoalescer;
import dev.pitwall.ui.common.Fx;
import dev.pitwall.ui.operations.OperationsViewModel;
import dev.pitwall.ui.warroom.TileId;
import dev.pitwall.ui.warroom.WarRoomBoard;
import dev.pitwall.ui.warroom.WarRoomViewModel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Wires the war-room board for one profile: the console's fleet engine, a trust check every 10 s, the queues every
 * 2 s, the platform's failed runs every 30 s, the Operations panel, and the health monitor for stale tiles. Every
 * read runs on the background executor; results reach the board at most once per frame.
 */
final class WarRoomScreen {

    static final Duration TRUST_EVERY = Duration.ofSeconds(10);
    static final Duration FAILURES_EVERY = Duration.ofSeconds(30);
    static final Duration FAILURE_WINDOW = Duration.ofHours(1);
    static final Duration TIMELINE_EVERY = Duration.ofSeconds(15);
    static final Duration CANARIES_EVERY = Duration.ofSeconds(15);

    private final ConnectionProfile profile;
    private final Backends backends;
    private final BackgroundExecutor executor;
    private final Session session;
    private final dev.pitwall.ops.guard.WriteGuard guard;
    private final Clock clock;
    private final Consumer<Map<String, List<TrendPoint>>> trendsOut;
    private final dev.pitwall.ops.trust.DriftSink drift;

    /**
     * @param trendsOut receives the queues' trends after each refresh (the incident timeline finds spikes in them)
     * @param drift     where drift the board sees is raised (the console's alerts: the timeline keeps them)
     */
    WarRoomScreen(ConnectionProfile profile, Backends backends, BackgroundExecutor executor, Session session,
                  dev.pitwall.ops.guard.WriteGuard guard, Clock clock,
                  Consumer<Map<String, List<TrendPoint>>> trendsOut, dev.pitwall.ops.trust.DriftSink drift) {
        this.guard = guard;
        this.trendsOut = trendsOut;
        this.drift = drift;
        this.profile = profile;
        this.backends = backends;
        this.executor = executor;
        this.session = session;
        this.clock = clock;
    }

    /**
     * @param rotate  how long each page shows (the board, then the latest timeline), or null for the board alone
     * @param console the timeline sources only a running console has (its alerts, the queues' trends)
     */
    WarRoomBoard build(CompletableFuture<FleetEngine> fleet, Supplier<BackendHealthMonitor> health,
                       OperationsViewModel operations, ZoneId zone, Duration rotate, List<TimelineSource> console) {
        Map<TileId, String> missing = new EnumMap<>(TileId.class);
        if (!profile.hasKubernetes()) {
            for (TileId id : List.of(TileId.FLEET, TileId.VOLUMES, TileId.TRUST)) {
                missing.put(id, "no Kubernetes in this profile");
            }
        }
        if (!profile.hasRedis()) {
            missing.put(TileId.QUEUES, "no Redis in this profile");
        }
        if (!profile.hasPlatform()) {
            missing.put(TileId.FAILURES, "no platform API in this profile");
        }
        WarRoomViewModel model = new WarRoomViewModel(operations.entries(), missing, zone, clock);
        BackendHealthMonitor monitor = health.get();
        if (monitor != null) {
            for (BackendKind kind : BackendKind.values()) {
                model.backend(monitor.status(kind));
            }
            monitor.addListener(status -> Fx.run(() -> model.backend(status)));
        }
        if (profile.hasKubernetes()) {
            followFleet(fleet, model);
            followTrust(model);
            followCanaries(model);
        }
        if (profile.hasRedis()) {
            followQueues(model, health);
        }
        if (profile.hasPlatform()) {
            followFailures(model, health);
        }
        if (rotate != null) {
            followTimeline(model, fleet, console);
        }
        return new WarRoomBoard(model, profile.name(), zone, rotate);
    }

    private void followFleet(CompletableFuture<FleetEngine> fleet, WarRoomViewModel model) {
        FrameCoalescer<dev.pitwall.ops.fleet.FleetSnapshot> toBoard = new FrameCoalescer<>(model::showFleet);
        fleet.whenComplete((engine, error) -> {
            if (error != null) {
                Fx.run(() -> {
                    model.showUnavailable(TileId.FLEET, "cannot watch the fleet: " + error.getMessage());
                    model.showUnavailable(TileId.VOLUMES, "cannot watch the fleet: " + error.getMessage());
                });
                return;
            }
            engine.addListener(toBoard::offer);
            toBoard.offer(engine.latest());
        });
    }

    private void followTrust(WarRoomViewModel model) {
        executor.supply(() -> {
            TrustSession trust = TrustSessions.open(profile, null, backends.secrets(), backends.auditLog(), guard,
                    clock);
            session.own(trust);
            return trust;
        }).whenComplete((trust, error) -> {
            if (error != null) {
                Fx.run(() -> model.showUnavailable(TileId.TRUST, "trust cannot be read: " + error.getMessage()));
                return;
            }
            FrameCoalescer<dev.pitwall.ops.trust.TrustReport> toBoard = new FrameCoalescer<>(model::showTrust);
            dev.pitwall.ops.trust.DriftWatch watch = new dev.pitwall.ops.trust.DriftWatch(drift);
            executor.repeat(() -> {
                try {
                    dev.pitwall.ops.trust.TrustReport report = trust.engine().evaluate(trust.policy().policyOrEmpty());
                    watch.update(report);
                    toBoard.offer(report);
                } catch (RuntimeException e) {
                    Fx.run(() -> model.showUnavailable(TileId.TRUST, "trust cannot be read: " + e.getMessage()));
                }
            }, Duration.ZERO, TRUST_EVERY);
        });
    }

    /** Canaries live in the cluster, so the board shows those driven from any console or terminal. */
    private void followCanaries(WarRoomViewModel model) {
        executor.supply(() -> {
            dev.pitwall.ops.canary.CanarySession canaries = CanarySessions.open(profile, backends, guard, clock,
                    System.getProperty("user.name", "war-room"));
            session.own(canaries);
            return canaries;
        }).whenComplete((canaries, error) -> {
            if (error != null) {
                return; // the canary tile lines are extra: the operations tile still shows replays and rollbacks
            }
            executor.repeat(() -> {
                try {
                    var engine = canaries.engine();
                    List<dev.pitwall.ops.canary.CanaryRecord> found = engine.workloads().stream()
                            .map(engine::find).flatMap(java.util.Optional::stream).toList();
                    Fx.run(() -> model.showCanaries(found));
                } catch (RuntimeException e) {
                    // a cluster blip: the tile keeps the canaries it last saw and the Kubernetes status says stale
                }
            }, Duration.ZERO, CANARIES_EVERY);
        });
    }

    private void followQueues(WarRoomViewModel model, Supplier<BackendHealthMonitor> health) {
        QueueBackend backend;
        try {
            backend = backends.queueBackend(profile);
        } catch (RuntimeException e) {
            model.showUnavailable(TileId.QUEUES, e.getMessage());
            return;
        }
        session.own(backend);
        QueueMonitor queues = new QueueMonitor(backend, profile.queueNames(), clock);
        record Refresh(QueueBoard board, Map<String, List<TrendPoint>> trends) {
        }
        FrameCoalescer<Refresh> toBoard = new FrameCoalescer<>(r -> model.showQueues(r.board(), r.trends()));
        executor.repeat(() -> {
            try {
                QueueBoard board = queues.refresh();
                Map<String, List<TrendPoint>> trends = new LinkedHashMap<>();
                for (QueueRow row : board.rows()) {
                    trends.put(row.name(), queues.trend(row.name()));
                }
                toBoard.offer(new Refresh(board, trends));
                trendsOut.accept(trends);
                report(health, BackendKind.REDIS, null);
            } catch (RuntimeException e) {
                report(health, BackendKind.REDIS, e.getMessage());
                Fx.run(() -> model.showUnavailable(TileId.QUEUES, "Redis: " + e.getMessage()));
            }
        }, Duration.ZERO, QueueMonitor.REFRESH_PERIOD);
    }

    private void followFailures(WarRoomViewModel model, Supplier<BackendHealthMonitor> health) {
        FlowRunSource runs = backends.platformRuns(profile);
        Consumer<FailureBuckets> toBoard = new FrameCoalescer<>(model::showFailures)::offer;
        executor.repeat(() -> {
            try {
                toBoard.accept(lastHour(runs, clock.instant()));
                report(health, BackendKind.PLATFORM, null);
            } catch (RuntimeException e) {
                report(health, BackendKind.PLATFORM, e.getMessage());
                Fx.run(() -> model.showUnavailable(TileId.FAILURES, "platform: " + e.getMessage()));
            }
        }, Duration.ZERO, FAILURES_EVERY);
    }

    /** The latest timeline entries for the board's second page, read every {@link #TIMELINE_EVERY}. */
    private void followTimeline(WarRoomViewModel model, CompletableFuture<FleetEngine> fleet,
                                List<TimelineSource> console) {
        Supplier<List<dev.pitwall.ops.rollback.WorkloadRef>> workloads = () -> fleet.isDone()
                && !fleet.isCompletedExceptionally() ? IncidentSources.workloads(fleet.join().latest()) : List.of();
        executor.supply(() -> {
            ReportSources sources = IncidentSources.open(profile, backends, workloads, console);
            session.own(sources);
            return sources;
        }).whenComplete((sources, error) -> {
            if (error != null) {
                Fx.run(() -> model.showTimelineProblem("the timeline cannot be read: " + error.getMessage()));
                return;
            }
            FrameCoalescer<List<TimelineEntry>> toBoard = new FrameCoalescer<>(model::showTimeline);
            executor.repeat(() -> {
                Instant now = clock.instant();
                // entries stamped ahead of the console's clock (the accelerated demo) are the latest ones
                var read = sources.timeline().read(now.minus(FAILURE_WINDOW), now.plus(Duration.ofDays(1)));
                toBoard.offer(read.entries());
                Fx.run(() -> model.showTimelineProblem(String.join("; ", read.problems())));
            }, Duration.ZERO, TIMELINE_EVERY);
        });
    }

    /**
     * The last hour of failed runs in 5-minute buckets. The hour ends at the newest run when that is later than the
     * console's clock (a platform whose clock runs ahead, like the demo's accelerated one).
     */
    static FailureBuckets lastHour(FlowRunSource runs, Instant now) {
        List<FlowRun> failed = FailedRunList.fetch(runs, now.minus(FAILURE_WINDOW), null,
                FailedRunList.DEFAULT_CAP).runs();
        Instant end = failed.stream().map(FlowRun::created).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).map(t -> t.plusMillis(1)).filter(t -> t.isAfter(now)).orElse(now);
        return FailureBuckets.count(failed, end.minus(FAILURE_WINDOW), end, FailureSpikes.BUCKET);
    }

    private static void report(Supplier<BackendHealthMonitor> health, BackendKind kind, String failure) {
        BackendHealthMonitor monitor = health.get();
        if (monitor == null) {
            return;
        }
        if (failure == null) {
            monitor.reportSuccess(kind);
        } else {
            monitor.reportFailure(kind, failure);
        }
    }
}
