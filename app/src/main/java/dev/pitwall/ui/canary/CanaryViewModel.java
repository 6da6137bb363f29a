package dev.pitwall.ui.canary;

import dev.pitwall.ops.canary.CanaryDriver;
import dev.pitwall.ops.canary.CanaryEngine;
import dev.pitwall.ops.canary.CanaryPhase;
import dev.pitwall.ops.canary.CanaryRecord;
import dev.pitwall.ops.canary.CanaryRefused;
import dev.pitwall.ops.canary.CanarySettings;
import dev.pitwall.ops.canary.Preflight;
import dev.pitwall.ops.exec.BackgroundExecutor;
import dev.pitwall.ops.guard.Confirmer;
import dev.pitwall.ops.guard.LeaseHeld;
import dev.pitwall.ops.rollback.WorkloadRef;
import dev.pitwall.ui.common.WriteAccess;
import dev.pitwall.ui.queues.FxHandoff;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The canary wizard: choose a workload, the new image and env, steps and hold, the gate thresholds (defaults filled
 * in); check preflight; start; then follow the canary live (gate values, step, timeline) with pause, resume, promote
 * and abort. Choosing a workload that has a canary picks it up from the cluster and the journal, so a reopened
 * console carries on. All engine calls run on the background executor; results reach the FX thread through the
 * handoff, at most once per frame.
 */
public final class CanaryViewModel {

    private final CanaryEngine engine;
    private final BackgroundExecutor executor;
    private final Duration followEvery;
    /** This console as the canary's driver: it evaluates only while no other process holds the canary. */
    private final CanaryDriver driver;
    /** One sink per kind of answer: a frame keeps the latest of each, so no kind hides another. */
    private final Consumer<Outcome> records;
    private final Consumer<Outcome> preflights;
    private final Consumer<Listing> lists;
    private final Consumer<Outcome> errors;
    private final Consumer<String> confirmations;

    private final ObservableList<WorkloadRef> workloads = FXCollections.observableArrayList();
    private final ObjectProperty<WorkloadRef> workload = new SimpleObjectProperty<>();
    private final CanaryForm form = new CanaryForm();
    private final CanaryDisplay display;
    private final WriteAccess access;

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canPause = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canResume = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canPromote = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canAbort = new ReadOnlyBooleanWrapper();

    private BackgroundExecutor.Cancellable following;
    /** The message says another process drives the canary (cleared once this console drives it). */
    private boolean followingOnly;

    /** What came back from the engine: a record, a preflight, the workloads, or an error; for one workload. */
    private record Outcome(WorkloadRef workload, CanaryRecord record, Preflight preflight, String error,
                           String note) {
        Outcome(WorkloadRef workload, CanaryRecord record, Preflight preflight, String error) {
            this(workload, record, preflight, error, null);
        }
    }

    /** The workloads, and the first that has a canary still going (the one a reopened console picks up). */
    private record Listing(List<WorkloadRef> workloads, WorkloadRef live) {
    }

    /** @param followEvery how often a live canary is evaluated while the wizard shows it */
    public CanaryViewModel(CanaryEngine engine, BackgroundExecutor executor, FxHandoff fx, Duration followEvery,
                           ZoneId zone) {
        this.engine = engine;
        this.executor = executor;
        this.followEvery = followEvery;
        this.driver = engine.driver("console", followEvery);
        this.display = new CanaryDisplay(zone);
        this.records = fx.latestPerFrame(this::apply);
        this.preflights = fx.latestPerFrame(this::apply);
        this.lists = fx.latestPerFrame(this::list);
        this.errors = fx.latestPerFrame(this::apply);
        this.access = new WriteAccess(engine.readOnly());
        this.confirmations = fx.latestPerFrame(text -> access.expect(Optional.of(text).filter(t -> !t.isEmpty())));
        message.set(access.writable() ? "" : "\u2139 " + access.readOnlyProperty().get()
                + ": the canary is only followed, nothing is changed.");
        workload.addListener((obs, old, now) -> workloadChosen(now));
        updateButtons();
    }

    /**
     * Lists the workloads in the background and, when one of them has a canary that is still going and none is
     * chosen yet, chooses it: closing the console loses nothing, reopening it shows the canary where it is.
     */
    public void start() {
        executor.supply(() -> {
            List<WorkloadRef> all = engine.workloads();
            WorkloadRef live = all.stream().filter(w -> engine.find(w).filter(r -> !r.phase().isFinal())
                    .isPresent()).findFirst().orElse(null);
            return new Listing(all, live);
        }).whenComplete((listing, error) -> {
            if (error != null) {
                errors.accept(new Outcome(null, null, null, rootMessage(error)));
            } else {
                lists.accept(listing);
            }
        });
    }

    public void checkPreflight() {
        WorkloadRef w = workload.get();
        Optional<CanarySettings> settings = settings();
        if (w == null || settings.isEmpty()) {
            return;
        }
        display.checking();
        call(w, () -> new Outcome(w, null, engine.preflight(w, settings.get()), null));
    }

    /** Starts the canary through the write guard (refused on a read-only connection, even when called). */
    public void startCanary() {
        WorkloadRef w = workload.get();
        Optional<CanarySettings> settings = settings();
        if (w == null || settings.isEmpty()) {
            return;
        }
        Confirmer confirmer = access.confirmer();
        call(w, () -> {
            try {
                return new Outcome(w, engine.start(w, settings.get(), confirmer), null, null);
            } catch (CanaryRefused e) {
                return new Outcome(w, null, e.preflight(), null);
            }
        });
    }

    public void pause() {
        control(engine::pause);
    }

    public void resume() {
        control(engine::resume);
    }

    public void promote() {
        control(engine::promote);
    }

    public void abort() {
        control(engine::abort);
    }

    /** A control verb of the engine, confirmed by what was typed. */
    @FunctionalInterface
    private interface Verb {
        CanaryRecord apply(WorkloadRef workload, Confirmer confirmer);
    }

    /**
     * One evaluation now (the follower calls it every {@code followEvery}); on a read-only connection the canary is
     * only read: its gates are judged where it is driven.
     */
    public void refresh() {
        WorkloadRef w = workload.get();
        if (w != null) {
            call(w, () -> {
                if (!access.writable()) {
                    return new Outcome(w, engine.find(w).orElse(null), null, null, "\u2139 Following only: "
                            + access.readOnlyProperty().get() + ".");
                }
                try {
                    return new Outcome(w, engine.evaluate(w, driver), null, null);
                } catch (LeaseHeld e) {
                    // shown as it stands; its gates are judged where it is driven
                    return new Outcome(w, engine.find(w).orElse(null), null, null, "\u2139 Following only: "
                            + e.reason() + ".");
                }
            });
        }
    }

    /** Stops following (the screen is closed); the canary itself goes on where it is. */
    public void stop() {
        if (following != null) {
            following.cancel();
            following = null;
        }
    }

    private void control(Verb verb) {
        WorkloadRef w = workload.get();
        if (w != null) {
            Confirmer confirmer = access.confirmer();
            call(w, () -> new Outcome(w, verb.apply(w, confirmer), null, null));
        }
    }

    private void workloadChosen(WorkloadRef w) {
        stop();
        display.clear(w);
        access.expect(Optional.empty());
        updateButtons();
        if (w != null) {
            call(w, () -> engine.find(w).map(r -> new Outcome(w, r, null, null))
                    .orElse(new Outcome(w, null, null, null)));
            executor.supply(() -> engine.confirmationFor(w).orElse("")).whenComplete((text, error) ->
                    confirmations.accept(error == null ? text : ""));
        }
    }

    private Optional<CanarySettings> settings() {
        try {
            message.set("");
            return Optional.of(form.settings());
        } catch (IllegalArgumentException e) {
            message.set("\u2716 " + e.getMessage());
            return Optional.empty();
        }
    }

    private void call(WorkloadRef w, Callable<Outcome> work) {
        busy.set(true);
        executor.supply(work).whenComplete((outcome, error) -> {
            if (error != null) {
                errors.accept(new Outcome(w, null, null, rootMessage(error)));
            } else if (outcome.preflight() != null) {
                preflights.accept(outcome);
            } else {
                records.accept(outcome);
            }
        });
    }

    private void list(Listing listing) {
        workloads.setAll(listing.workloads());
        if (workload.get() == null && listing.live() != null) {
            workload.set(listing.live());
        }
    }

    private void apply(Outcome o) {
        busy.set(false);
        if (o.workload() == null && o.error() != null) {
            message.set("\u2716 " + o.error());
            return;
        }
        if (o.workload() == null || !o.workload().equals(workload.get())) {
            return; // an answer about a workload no longer chosen
        }
        if (o.error() != null) {
            message.set("\u2716 " + o.error());
        } else if (o.note() != null) {
            message.set(o.note());
            followingOnly = true;
        } else if (followingOnly && o.record() != null) {
            message.set(""); // the other driver let go: this console drives it now
            followingOnly = false;
        }
        if (o.preflight() != null) {
            display.show(o.preflight());
        }
        if (o.record() != null) {
            show(o.record());
        }
        updateButtons();
    }

    private void show(CanaryRecord r) {
        display.show(r, engine.stepEndsAt(r));
        if (r.phase().isFinal()) {
            stop();
        } else if (following == null) {
            following = executor.repeat(this::refresh, followEvery, followEvery);
        }
    }

    /** Every action is off on a read-only connection (the view says why); otherwise by the canary's phase. */
    private void updateButtons() {
        CanaryPhase p = display.phaseProperty().get();
        boolean writable = access.writable();
        canStart.set(writable && workload.get() != null && (p == null || p.isFinal()));
        canPause.set(writable && p == CanaryPhase.RUNNING);
        canResume.set(writable && p == CanaryPhase.PAUSED);
        canPromote.set(writable && (p == CanaryPhase.RUNNING || p == CanaryPhase.PAUSED));
        canAbort.set(writable && p != null && !p.isFinal());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    public ObservableList<WorkloadRef> workloads() {
        return workloads;
    }

    public ObjectProperty<WorkloadRef> workloadProperty() {
        return workload;
    }

    /** The image, env, steps, hold and gate thresholds, as typed. */
    public CanaryForm form() {
        return form;
    }

    /** The canary as it is shown. */
    public CanaryDisplay display() {
        return display;
    }

    /** Why actions are off (read-only), and what production asks to be typed before a write. */
    public WriteAccess access() {
        return access;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStartProperty() {
        return canStart.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPauseProperty() {
        return canPause.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canResumeProperty() {
        return canResume.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPromoteProperty() {
        return canPromote.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canAbortProperty() {
        return canAbort.getReadOnlyProperty();
    }

}
