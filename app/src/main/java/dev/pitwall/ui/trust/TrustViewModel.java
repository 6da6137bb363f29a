package dev.pitwall.ui.trust;

import dev.pitwall.ops.exec.BackgroundExecutor;
import dev.pitwall.ops.trust.DriftWatch;
import dev.pitwall.ops.trust.GroupTrust;
import dev.pitwall.ops.trust.PolicyLoad;
import dev.pitwall.ops.trust.PolicySnapshot;
import dev.pitwall.ops.trust.SmokeResult;
import dev.pitwall.ops.trust.SmokeTester;
import dev.pitwall.ops.trust.TrustBackendException;
import dev.pitwall.ops.trust.TrustFixer;
import dev.pitwall.ops.trust.TrustReport;
import dev.pitwall.ops.trust.TrustSession;
import dev.pitwall.ui.queues.FxHandoff;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The Trust screen: one row per worker workload (and per policy entry the cluster lacks) with expected, declared and
 * effective modes, refreshed every {@link #HEARTBEAT_POLL} and at once when the cluster changes; drift goes to the
 * {@link DriftWatch} on every refresh, so an alert is raised within one heartbeat interval. Says plainly what is
 * missing (no Redis: no effective modes; no platform: no smoke tests; no policy: nothing expected).
 */
public final class TrustViewModel {

    /** Heartbeats are written every 15 s; reading them every 5 s shows a change within one interval. */
    public static final Duration HEARTBEAT_POLL = Duration.ofSeconds(5);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private sealed interface Outcome permits Refreshed, Failed {
    }

    private record Refreshed(TrustReport report, List<TrustRow> rows, PolicyLoad policy) implements Outcome {
    }

    private record Failed(String reason) implements Outcome {
    }

    private final TrustSession session;
    private final BackgroundExecutor executor;
    private final FxHandoff fx;
    private final DriftWatch driftWatch;
    private final Consumer<Task<?>> startOperation;
    private final ZoneId zone;
    private final String actor;
    private final Consumer<Outcome> outcomeSink;
    private final Consumer<String> messageSink;
    private final Map<String, String> smokeResults = new ConcurrentHashMap<>();
    private final AtomicBoolean refreshQueued = new AtomicBoolean();

    private final ObservableList<TrustRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("reading the cluster\u2026");
    private final ReadOnlyStringWrapper policyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper missing = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper stale = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper policyMissing = new ReadOnlyBooleanWrapper();
    private BackgroundExecutor.Cancellable schedule;
    private volatile AutoCloseable following;
    private volatile boolean stopped;

    /**
     * @param driftWatch     where every refresh's drift goes (raised and cleared as alerts)
     * @param startOperation lists a task in the Operations panel and runs it
     * @param actor          who the audit log records for fixes
     */
    public TrustViewModel(TrustSession session, BackgroundExecutor executor, FxHandoff fx, DriftWatch driftWatch,
                          Consumer<Task<?>> startOperation, ZoneId zone, String actor) {
        this.session = session;
        this.executor = executor;
        this.fx = fx;
        this.driftWatch = driftWatch;
        this.startOperation = startOperation;
        this.zone = zone;
        this.actor = actor;
        this.outcomeSink = fx.latestPerFrame(this::apply);
        this.messageSink = fx.latestPerFrame(message::set);
        List<String> absent = new ArrayList<>();
        if (session.heartbeatsMissing() != null) {
            absent.add("Effective modes are not shown: " + session.heartbeatsMissing() + ".");
        }
        if (session.smoke().isEmpty()) {
            absent.add("Smoke tests are not available: " + session.smokeMissing() + ".");
        }
        session.readOnly().ifPresent(why -> absent.add("This is a " + why + ": no fix is offered."));
        missing.set(String.join(" ", absent));
    }

    /** Follows the cluster and reads the heartbeats every {@link #HEARTBEAT_POLL}, the first time at once. */
    public void start() {
        if (schedule != null) {
            return;
        }
        stopped = false;
        schedule = executor.repeat(this::refreshNow, Duration.ZERO, HEARTBEAT_POLL);
        executor.run(() -> {
            try {
                AutoCloseable started = session.engine().workloads().follow(this::requestRefresh);
                following = started;
                if (stopped) {
                    closeFollowing();
                }
            } catch (TrustBackendException e) {
                messageSink.accept("The cluster is read by listing every " + HEARTBEAT_POLL.toSeconds()
                        + " s: its changes cannot be watched (" + e.getMessage() + ")");
            }
        });
    }

    public void stop() {
        stopped = true;
        if (schedule != null) {
            schedule.cancel();
            schedule = null;
        }
        closeFollowing();
    }

    private void closeFollowing() {
        AutoCloseable f = following;
        following = null;
        if (f != null) {
            try {
                f.close();
            } catch (Exception e) {
                messageSink.accept("could not stop watching the cluster: " + e.getMessage());
            }
        }
    }

    /** A cluster change: one refresh soon, however many changes arrive meanwhile. */
    private void requestRefresh() {
        if (refreshQueued.compareAndSet(false, true)) {
            executor.run(() -> {
                refreshQueued.set(false);
                refreshNow();
            });
        }
    }

    /**
     * One refresh (background thread): never throws; a failure marks the rows stale. Refreshes run one at a time, so
     * that an older reading never replaces a newer one.
     */
    public synchronized void refreshNow() {
        try {
            PolicyLoad policy = session.policy();
            TrustReport report = session.engine().evaluate(policy.policyOrEmpty());
            driftWatch.update(report);
            List<TrustRow> made = new ArrayList<>();
            report.groups().forEach(g -> made.add(TrustRow.of(g, zone, smokeResults.get(g.key()))));
            outcomeSink.accept(new Refreshed(report, made, policy));
        } catch (TrustBackendException e) {
            outcomeSink.accept(new Failed(e.getMessage()));
        }
    }

    private void apply(Outcome outcome) {
        if (outcome instanceof Failed f) {
            stale.set("\u26A0 stale: " + f.reason());
            return;
        }
        Refreshed r = (Refreshed) outcome;
        rows.setAll(r.rows());
        stale.set("");
        long drifting = r.report().drifts().size();
        summary.set(r.rows().size() + " group" + (r.rows().size() == 1 ? "" : "s") + " \u00b7 "
                + (drifting == 0 ? "\u2714 no drift" : "\u2716 " + drifting + " drifting") + " \u00b7 refreshed "
                + CLOCK.format(r.report().at().atZone(zone))
                + (r.report().notes().isEmpty() ? "" : " \u00b7 " + String.join("; ", r.report().notes())));
        policyText.set(r.policy().describe());
        policyMissing.set(!r.policy().isLoaded());
    }

    /** Whether {@code row} can be fixed, or why not (null when it can). */
    public String whyNoFix(TrustRow row) {
        if (row == null) {
            return "select a group";
        }
        if (session.readOnly().isPresent()) {
            return session.readOnly().get();
        }
        return row.group().inCluster() ? null : row.title() + " has no workload in the cluster";
    }

    /** The fix dialog's model for {@code row} (started: it plans the policy's mode at once). */
    public TrustFixViewModel fix(TrustRow row) {
        TrustFixViewModel model = new TrustFixViewModel(session.fixer(), row.group(),
                session.policy().policyOrEmpty(), actor, executor, fx, task -> {
                    task.stateProperty().addListener((obs, old, now) -> requestRefresh());
                    startOperation.accept(task);
                }, TrustFixer.DEFAULT_TIMEOUT);
        model.start();
        return model;
    }

    /** Starts {@code row}'s smoke test as an operation; its result shows in the row. */
    public void smoke(TrustRow row) {
        Optional<SmokeTester> tester = session.smoke();
        if (row == null) {
            message.set("Select a group to smoke-test.");
            return;
        }
        if (tester.isEmpty()) {
            message.set("No smoke test: " + session.smokeMissing() + ".");
            return;
        }
        GroupTrust group = row.group();
        if (group.smoke() == null) {
            message.set("The trust policy names no smoke flow for " + group.title() + ".");
            return;
        }
        SmokeTask task = new SmokeTask(tester.get(), group, SmokeTester.DEFAULT_TIMEOUT);
        smokeResults.put(group.key(), "\u231B running");
        task.stateProperty().addListener((obs, old, now) -> {
            if (now == Worker.State.SUCCEEDED) {
                smokeDone(group, "\u2714 " + task.getValue().text());
            } else if (now == Worker.State.FAILED) {
                smokeDone(group, "\u2716 " + (task.getException() == null ? "failed"
                        : task.getException().getMessage()));
            } else if (now == Worker.State.CANCELLED) {
                smokeDone(group, "cancelled");
            }
        });
        message.set("Smoke test of " + group.title() + " started (see Operations).");
        startOperation.accept(task);
        requestRefresh();
    }

    private void smokeDone(GroupTrust group, String text) {
        smokeResults.put(group.key(), text);
        message.set("Smoke test of " + group.title() + ": " + text);
        requestRefresh();
    }

    /** A policy made from the declared modes now, to review before saving. */
    public CompletableFuture<String> snapshot() {
        return executor.supply(() -> PolicySnapshot.yaml(session.engine().workloads().workloads(),
                session.clock().instant()));
    }

    /** Where a snapshot is best saved: the profile's policy file when it has one, else null. */
    public String policyLocation() {
        return session.policyLocation();
    }

    /** Saves a reviewed snapshot; when it is the profile's policy file, it is read and used at once. */
    public void saveSnapshot(String location, String text) {
        executor.run(() -> {
            try {
                session.files().save(location, text);
                if (samePath(location, session.policyLocation())) {
                    PolicyLoad load = session.reloadPolicy();
                    messageSink.accept(load.isLoaded() ? "Saved and now used: " + location
                            : "Saved " + location + ", but it cannot be used: " + load.describe());
                    refreshNow();
                } else {
                    messageSink.accept("Saved " + location + ". Name it as the profile's trust policy, or pass "
                            + "--policy " + location + ", to check against it.");
                }
            } catch (java.io.IOException | RuntimeException e) {
                messageSink.accept("The snapshot was not saved: " + e.getMessage());
            }
        });
    }

    private static boolean samePath(String a, String b) {
        return b != null && java.nio.file.Path.of(a).toAbsolutePath().normalize()
                .equals(java.nio.file.Path.of(b).toAbsolutePath().normalize());
    }

    public ObservableList<TrustRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty policyTextProperty() {
        return policyText.getReadOnlyProperty();
    }

    /** True while no usable policy is read: the view offers a snapshot. */
    public ReadOnlyBooleanProperty policyMissingProperty() {
        return policyMissing.getReadOnlyProperty();
    }

    /** What this profile lacks, in words ("" when nothing). */
    public ReadOnlyStringProperty missingProperty() {
        return missing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** "" while fresh, else why the rows are stale. */
    public ReadOnlyStringProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }
}
