package dev.pitwall.ui.canary;

import dev.pitwall.ops.canary.CanaryDriver;
import dev.pitwall.ops.canary.CanaryEngine;
import dev.pitwall.ops.canary.CanaryPhase;
import dev.pitwall.ops.canary.CanaryRecord;
import dev.pitwall.ops.canary.CanaryRefused;
import dev.pitwall.ops.canary.CanarySettings;
import dev.pitwall.ops.canary.GateThresholds;
import dev.pitwall.ops.canary.Preflight;
import dev.pitwall.ops.exec.BackgroundExecutor;
import dev.pitwall.ops.rollback.WorkloadRef;
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

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final CanaryEngine engine;
    private final BackgroundExecutor executor;
    private final Duration followEvery;
    /** This console as the canary's driver: it evaluates only while no other process holds the canary. */
    private final CanaryDriver driver;
    private final ZoneId zone;
    /** One sink per kind of answer: a frame keeps the latest of each, so no kind hides another. */
    private final Consumer<Outcome> records;
    private final Consumer<Outcome> preflights;
    private final Consumer<Listing> lists;
    private final Consumer<Outcome> errors;

    private final ObservableList<WorkloadRef> workloads = FXCollections.observableArrayList();
    private final ObjectProperty<WorkloadRef> workload = new SimpleObjectProperty<>();
    private final StringProperty image = new SimpleStringProperty("");
    private final StringProperty env = new SimpleStringProperty("");
    private final StringProperty steps = new SimpleStringProperty("1,25,50,100");
    private final StringProperty holdMinutes = new SimpleStringProperty(
            String.valueOf(CanarySettings.DEFAULT_HOLD.toMinutes()));
    private final StringProperty failureDelta = new SimpleStringProperty(
            number(GateThresholds.DEFAULTS.maxFailureRateDelta()));
    private final StringProperty minRuns = new SimpleStringProperty(String.valueOf(GateThresholds.DEFAULTS.minRuns()));
    private final StringProperty maxRestarts = new SimpleStringProperty(
            String.valueOf(GateThresholds.DEFAULTS.maxRestarts()));
    private final StringProperty maxFill = new SimpleStringProperty(
            number(GateThresholds.DEFAULTS.maxFillMibPerMinute()));
    private final StringProperty minTimeToFull = new SimpleStringProperty(
            String.valueOf(GateThresholds.DEFAULTS.minTimeToFull().toMinutes()));
    private final StringProperty heartbeatGrace = new SimpleStringProperty(
            String.valueOf(GateThresholds.DEFAULTS.heartbeatGrace().toMinutes()));
    private final StringProperty maxQueueGrowth = new SimpleStringProperty(
            String.valueOf(GateThresholds.DEFAULTS.maxQueueGrowth()));

    private final ReadOnlyStringWrapper preflight = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper preflightFailed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(
            "Choose a workload to start a canary, or to follow the one it has.");
    private final ReadOnlyStringWrapper stepDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper abortReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canPause = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canResume = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canPromote = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canAbort = new ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyObjectWrapper<CanaryPhase> phase =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final ObservableList<GateRow> gates = FXCollections.observableArrayList();
    private final ObservableList<String> timeline = FXCollections.observableArrayList();

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
        this.zone = zone;
        this.records = fx.latestPerFrame(this::apply);
        this.preflights = fx.latestPerFrame(this::apply);
        this.lists = fx.latestPerFrame(this::list);
        this.errors = fx.latestPerFrame(this::apply);
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
        preflight.set("checking\u2026");
        call(w, () -> new Outcome(w, null, engine.preflight(w, settings.get()), null));
    }

    public void startCanary() {
        WorkloadRef w = workload.get();
        Optional<CanarySettings> settings = settings();
        if (w == null || settings.isEmpty()) {
            return;
        }
        call(w, () -> {
            try {
                return new Outcome(w, engine.start(w, settings.get()), null, null);
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

    /** One evaluation now (the follower calls it every {@code followEvery}). */
    public void refresh() {
        WorkloadRef w = workload.get();
        if (w != null) {
            call(w, () -> {
                try {
                    return new Outcome(w, engine.evaluate(w, driver), null, null);
                } catch (CanaryDriver.DrivenElsewhere e) {
                    // shown as it stands; its gates are judged where it is driven
                    return new Outcome(w, engine.find(w).orElse(null), null, null, "\u2139 Following only: "
                            + e.getMessage() + ".");
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

    private void control(java.util.function.Function<WorkloadRef, CanaryRecord> action) {
        WorkloadRef w = workload.get();
        if (w != null) {
            call(w, () -> new Outcome(w, action.apply(w), null, null));
        }
    }

    private void workloadChosen(WorkloadRef w) {
        stop();
        gates.clear();
        timeline.clear();
        abortReason.set("");
        preflight.set("");
        preflightFailed.set(false);
        phase.set(null);
        headline.set(w == null ? "Choose a workload." : "No canary for " + w + ".");
        stepDetail.set("");
        updateButtons();
        if (w != null) {
            call(w, () -> engine.find(w).map(r -> new Outcome(w, r, null, null))
                    .orElse(new Outcome(w, null, null, null)));
        }
    }

    private Optional<CanarySettings> settings() {
        try {
            message.set("");
            return Optional.of(CanaryForm.settings(new CanaryForm.Fields(image.get(), env.get(), steps.get(),
                    holdMinutes.get(), failureDelta.get(), minRuns.get(), maxRestarts.get(), maxFill.get(),
                    minTimeToFull.get(), heartbeatGrace.get(), maxQueueGrowth.get())));
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
            showPreflight(o.preflight());
        }
        if (o.record() != null) {
            show(o.record());
        }
        updateButtons();
    }

    private void showPreflight(Preflight p) {
        StringBuilder text = new StringBuilder(p.ok() ? "Preflight passed.\n" : "Preflight failed: nothing was "
                + "changed.\n");
        for (Preflight.Check check : p.checks()) {
            text.append(check.ok() ? "\u2714 " : "\u2716 ").append(check.name()).append(": ").append(check.detail())
                    .append('\n');
        }
        preflight.set(text.toString().trim());
        preflightFailed.set(!p.ok());
    }

    private void show(CanaryRecord r) {
        headline.set(r.phase() + " \u2014 " + r.stepText() + " \u2014 " + r.settings().image());
        stepDetail.set(switch (r.phase()) {
            case RUNNING -> "this step is held until " + TIME.format(engine.stepEndsAt(r).atZone(zone))
                    + " and every gate has judged";
            case PAUSED -> "paused at " + TIME.format(r.pausedAt().atZone(zone)) + ": gates are still evaluated, "
                    + "the step does not advance";
            case PROMOTING -> "promoting: " + r.workload().name() + " rolls out the new template; the canary is "
                    + "removed after that";
            case PROMOTED -> "promoted: " + r.workload().name() + " runs " + r.settings().image();
            case ABORTED -> "aborted: the canary was removed and " + r.workload().name() + " has its pods back";
        });
        abortReason.set(r.abortReason() == null ? "" : "\u2716 ABORTED \u2014 " + r.abortReason().text());
        gates.setAll(r.gates().stream().map(GateRow::of).toList());
        timeline.setAll(r.timeline().stream().map(e -> TIME.format(e.at().atZone(zone)) + "  " + e.text())
                .toList());
        phase.set(r.phase()); // last: whoever listens to the phase finds the rest already shown
        if (r.phase().isFinal()) {
            stop();
        } else if (following == null) {
            following = executor.repeat(this::refresh, followEvery, followEvery);
        }
    }

    private void updateButtons() {
        CanaryPhase p = phase.get();
        canStart.set(workload.get() != null && (p == null || p.isFinal()));
        canPause.set(p == CanaryPhase.RUNNING);
        canResume.set(p == CanaryPhase.PAUSED);
        canPromote.set(p == CanaryPhase.RUNNING || p == CanaryPhase.PAUSED);
        canAbort.set(p != null && !p.isFinal());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    public ObservableList<WorkloadRef> workloads() {
        return workloads;
    }

    public ObjectProperty<WorkloadRef> workloadProperty() {
        return workload;
    }

    public StringProperty imageProperty() {
        return image;
    }

    public StringProperty envProperty() {
        return env;
    }

    public StringProperty stepsProperty() {
        return steps;
    }

    public StringProperty holdMinutesProperty() {
        return holdMinutes;
    }

    public StringProperty failureDeltaProperty() {
        return failureDelta;
    }

    public StringProperty minRunsProperty() {
        return minRuns;
    }

    public StringProperty maxRestartsProperty() {
        return maxRestarts;
    }

    public StringProperty maxFillProperty() {
        return maxFill;
    }

    public StringProperty minTimeToFullProperty() {
        return minTimeToFull;
    }

    public StringProperty heartbeatGraceProperty() {
        return heartbeatGrace;
    }

    public StringProperty maxQueueGrowthProperty() {
        return maxQueueGrowth;
    }

    public ReadOnlyStringProperty preflightProperty() {
        return preflight.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty preflightFailedProperty() {
        return preflightFailed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stepDetailProperty() {
        return stepDetail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty abortReasonProperty() {
        return abortReason.getReadOnlyProperty();
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

    public javafx.beans.property.ReadOnlyObjectProperty<CanaryPhase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ObservableList<GateRow> gates() {
        return gates;
    }

    public ObservableList<String> timeline() {
        return timeline;
    }
}
