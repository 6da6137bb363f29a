package dev.pitwall.ui.rollback;

import dev.pitwall.ops.exec.BackgroundExecutor;
import dev.pitwall.ops.guard.Confirmer;
import dev.pitwall.ops.guard.WriteGuard;
import dev.pitwall.ops.rollback.Preflight;
import dev.pitwall.ops.rollback.PreflightCheck;
import dev.pitwall.ops.rollback.Revision;
import dev.pitwall.ops.rollback.RevisionDiff;
import dev.pitwall.ops.rollback.RollbackPlan;
import dev.pitwall.ops.rollback.RollbackPlanStore;
import dev.pitwall.ops.rollback.RollbackPlanner;
import dev.pitwall.ops.rollback.RollbackRunner;
import dev.pitwall.ops.rollback.Verification;
import dev.pitwall.ops.rollback.WorkloadRef;
import dev.pitwall.ui.common.WriteAccess;
import dev.pitwall.ui.queues.FxHandoff;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The rollback wizard: choose a worker workload, choose the target revision (the previous one unless another is
 * chosen) while seeing the diff, run the preflight (the plan captured, saved and tested; volume headroom; the target
 * mode against the trust policy), confirm ({@code <context>/<namespace>/<workload>} typed on production), execute
 * through the write guard (nothing on a read-only connection) and verify as an operation, and the summary. After a
 * failed verification it names the failing checks and pods and offers to go forward again or to stay; every
 * decision is audited. All reads and writes run on the background executor.
 */
public final class RollbackWizardViewModel {

    /** The wizard's steps, in order. */
    public enum Step {
        WORKLOAD("Workload"), TARGET("Target and diff"), PREFLIGHT("Preflight"), CONFIRM("Confirm"),
        RUN("Execute and verify"), SUMMARY("Summary");

        private final String title;

        Step(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** How long and how often verification looks, and how it waits between looks. */
    public record Verify(Duration bound, Duration every, RollbackRunner.Pause pause) {
    }

    /**
     * What the wizard works with, given by the app's wiring.
     *
     * @param workers      the profile's worker workloads (called in the background)
     * @param guard        the connection's write guard: read-only, and what production asks to be typed
     * @param replayWindow opens the replay planner for the runs failed since the given instant
     */
    public record Ports(Supplier<List<WorkloadRef>> workers, RollbackPlanner planner, RollbackRunner runner,
                        Preflight preflight, RollbackPlanStore plans, WriteGuard guard, Verify verify,
                        Consumer<Instant> replayWindow) {
    }

    private final Ports ports;
    private final BackgroundExecutor executor;
    private final Consumer<Task<?>> startOperation;
    private final String actor;
    private final DateTimeFormatter time;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.WORKLOAD);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ObservableList<WorkloadRow> workloads = FXCollections.observableArrayList();
    private final ObjectProperty<WorkloadRow> workload = new SimpleObjectProperty<>();
    private final ObservableList<Revision> targets = FXCollections.observableArrayList();
    private final ObjectProperty<Revision> target = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper current = new ReadOnlyStringWrapper("");
    private final ObservableList<DiffRow> diff = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper trustNote = new ReadOnlyStringWrapper("");
    private final ObservableList<CheckRow> preflight = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper planText = new ReadOnlyStringWrapper("");
    private final WriteAccess access;
    /** Going forward again writes too: on production the confirmation is typed again for it. */
    private final StringProperty forwardTyped = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper canGoForward = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper disabledReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canExecute = new ReadOnlyBooleanWrapper();
    private final ObservableList<CheckRow> verification = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper verified = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper decisionOffered = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper replayWindowText = new ReadOnlyStringWrapper("");

    private final Consumer<List<WorkloadRow>> workloadsSink;
    private final Consumer<History> historySink;
    private final Consumer<Diffed> diffSink;
    private final Consumer<Preflighted> preflightSink;
    private final Consumer<RunEvent> runSink;
    private final Consumer<Forward> forwardSink;
    private final Consumer<Boolean> followSink;

    private List<Revision> history = List.of();
    private RollbackPlan plan;
    private boolean preflightPassed;
    /** The plan whose verification failed, while go forward or stay is open. */
    private RollbackPlan failed;
    /** The first revision after the target: where the incident this rollback undoes began. */
    private Revision firstBad;
    private long generation;

    private record History(long generation, WorkloadRow row, List<Revision> revisions, long current, String error) {
    }

    private record Diffed(long generation, Revision target, RevisionDiff diff, String error) {
    }

    private record Forward(RollbackPlan plan, String error) {
    }

    private record Preflighted(long generation, RollbackPlan plan, Optional<String> confirmation,
                               List<PreflightCheck> checks, Path saved, Revision firstBad, String error) {
    }

    public RollbackWizardViewModel(Ports ports, BackgroundExecutor executor, FxHandoff fx,
                                   Consumer<Task<?>> startOperation, String actor, ZoneId zone) {
        this.ports = ports;
        this.executor = executor;
        this.startOperation = startOperation;
        this.actor = actor;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        this.workloadsSink = fx.latestPerFrame(this::showWorkloads);
        this.historySink = fx.latestPerFrame(this::showHistory);
        this.diffSink = fx.latestPerFrame(this::showDiff);
        this.preflightSink = fx.latestPerFrame(this::showPreflight);
        this.runSink = fx.latestPerFrame(this::showRun);
        this.forwardSink = fx.latestPerFrame(this::startForward);
        this.followSink = fx.latestPerFrame(tick -> rereadWhileChoosing());
        target.addListener((obs, old, now) -> rediff());
        this.access = new WriteAccess(ports.guard().readOnly());
        access.typedProperty().addListener((obs, old, now) -> updateExecute());
        forwardTyped.addListener((obs, old, now) -> updateGoForward());
        decisionOffered.addListener((obs, old, now) -> updateGoForward());
    }

    // ---- step 1: the workload ----

    /** Lists the worker workloads with their current revision, in the background. */
    public void load() {
        busy.set(true);
        message.set("Reading the worker workloads and their revisions\u2026");
        read();
    }

    /**
     * Reads the workloads again every {@code every} while the wizard waits at its first step: during an incident
     * their revisions change, and the list must not show the revision of an hour ago.
     */
    public BackgroundExecutor.Cancellable follow(Duration every) {
        return executor.repeat(() -> followSink.accept(Boolean.TRUE), every, every);
    }

    private void rereadWhileChoosing() {
        if (step.get() == Step.WORKLOAD && !busy.get()) {
            busy.set(true);
            read();
        }
    }

    private void read() {
        executor.supply(this::readWorkloads).whenComplete((rows, e) -> workloadsSink.accept(
                e == null ? rows : List.of(new WorkloadRow(null, "", 0, "", "", 0, rootMessage(e)))));
    }

    private List<WorkloadRow> readWorkloads() {
        List<WorkloadRow> rows = new ArrayList<>();
        for (WorkloadRef ref : ports.workers().get()) {
            try {
                rows.add(WorkloadRow.read(ref, ports.planner()));
            } catch (RuntimeException e) {
                rows.add(new WorkloadRow(ref, "", 0, "", "", 0, rootMessage(e)));
            }
        }
        rows.sort(Comparator.comparing((WorkloadRow r) -> r.ref().namespace()).thenComparing(r -> r.ref().name()));
        return rows;
    }

    private void showWorkloads(List<WorkloadRow> rows) {
        busy.set(false);
        if (rows.size() == 1 && rows.get(0).ref() == null) {
            workloads.clear();
            message.set("Cannot list the worker workloads: " + rows.get(0).problem());
            return;
        }
        WorkloadRef chosen = workload.get() == null ? null : workload.get().ref();
        workloads.setAll(rows);
        // the same workload stays chosen, with what was just read of it
        rows.stream().filter(r -> r.ref() != null && r.ref().equals(chosen)).findFirst().ifPresent(workload::set);
        message.set(rows.isEmpty() ? "No worker workloads match this profile's worker selector."
                : rows.size() + " worker workloads. Choose the one to roll back.");
    }

    /** Step 1 to 2: reads the chosen workload's history; the target defaults to the previous revision. */
    public void chooseWorkload() {
        WorkloadRow row = workload.get();
        if (row == null || row.problem() != null) {
            message.set(row == null ? "Choose a workload first." : "Its history cannot be read: " + row.problem());
            return;
        }
        long gen = ++generation;
        busy.set(true);
        message.set("Reading the revisions of " + row.ref() + "\u2026");
        executor.supply(() -> new History(gen, row, ports.planner().history(row.ref()),
                        ports.planner().currentRevision(row.ref()), null))
                .whenComplete((h, e) -> historySink.accept(e == null ? h
                        : new History(gen, row, List.of(), 0, rootMessage(e))));
    }

    private void showHistory(History h) {
        if (h.generation() != generation) {
            return;
        }
        busy.set(false);
        if (h.error() != null) {
            message.set("Cannot read the revisions of " + h.row().ref() + ": " + h.error());
            return;
        }
        history = h.revisions();
        Revision cur = history.stream().filter(r -> r.number() == h.current()).findFirst().orElse(null);
        current.set("Current: revision " + h.current() + (cur == null ? " (matches no recorded revision)"
                : " \u00b7 " + String.join(", ", cur.images()) + (cur.executionMode().isEmpty() ? ""
                : " \u00b7 " + cur.executionMode()) + " \u00b7 created " + time.format(cur.createdAt())));
        List<Revision> others = history.stream().filter(r -> r.number() != h.current())
                .sorted(Comparator.comparingLong(Revision::number).reversed()).toList();
        targets.setAll(others);
        step.set(Step.TARGET);
        if (others.isEmpty()) {
            target.set(null);
            message.set(h.row().ref() + " has no other revision to roll back to.");
            return;
        }
        // the previous revision: the newest one older than the current, else the newest other
        Revision previous = others.stream().filter(r -> r.number() < h.current()).findFirst().orElse(others.get(0));
        target.set(null);
        target.set(previous);
    }

    // ---- step 2: the target and the diff ----

    private void rediff() {
        diff.clear();
        trustNote.set("");
        Revision to = target.get();
        WorkloadRow row = workload.get();
        if (to == null || row == null) {
            return;
        }
        long gen = ++generation;
        long from = row.revision();
        message.set("Comparing revision " + from + " with " + to.number() + "\u2026");
        executor.supply(() -> new Diffed(gen, to, ports.planner().diff(row.ref(), from, to.number()), null))
                .whenComplete((d, e) -> diffSink.accept(e == null ? d : new Diffed(gen, to, null, rootMessage(e))));
    }

    private void showDiff(Diffed d) {
        if (d.generation() != generation) {
            return;
        }
        if (d.error() != null) {
            message.set("Cannot compare the revisions: " + d.error());
            return;
        }
        diff.setAll(d.diff().changes().stream().map(DiffRow::of).toList());
        trustNote.set(d.diff().changesTrust() ? "\u26A0 Trust change: this rollback changes the execution mode ("
                + d.diff().changes().stream().filter(c -> c.trust()).map(c -> c.before() + " \u2192 " + c.after())
                .findFirst().orElse("") + "), which changes what user code may do on these workers." : "");
        message.set(d.diff().changes().isEmpty() ? "Revision " + d.target().number() + " has the same template."
                : d.diff().changes().size() + (d.diff().changes().size() == 1 ? " difference" : " differences")
                + " from the current revision to revision "
                + d.target().number() + ". Next: run the preflight.");
    }

    // ---- step 3: preflight ----

    /** Step 2 to 3: captures the plan, saves it, and tests it with the volume and trust checks. */
    public void runPreflight() {
        WorkloadRow row = workload.get();
        Revision to = target.get();
        if (row == null || to == null) {
            message.set("Choose a target revision first.");
            return;
        }
        long gen = ++generation;
        busy.set(true);
        preflight.clear();
        planText.set("");
        message.set("Capturing the plan and testing it: dry runs and access checks\u2026");
        executor.supply(() -> preflight(gen, row, to.number())).whenComplete((p, e) -> preflightSink.accept(
                e == null ? p : new Preflighted(gen, null, Optional.empty(), List.of(), null, null, rootMessage(e))));
    }

    private Preflighted preflight(long gen, WorkloadRow row, long to) {
        RollbackPlan p = ports.planner().plan(row.ref(), to);
        List<PreflightCheck> checks = new ArrayList<>();
        Path saved = null;
        try {
            saved = ports.plans().save(p, ports.plans().defaultFile(p));
            ports.runner().recordDecision("rollback.plan.captured", p, Map.of("file", saved.toString()));
        } catch (java.io.IOException e) {
            checks.add(PreflightCheck.failed("plan", "the plan could not be saved, and no rollback starts without "
                    + "one: " + e.getMessage()));
        }
        checks.addAll(ports.preflight().check(p, row.group()));
        return new Preflighted(gen, p, ports.guard().confirmationFor(ports.runner().intent(p)), checks, saved,
                firstBad(p), null);
    }

    /** The first revision after the target: the start of the incident this rollback undoes. */
    private Revision firstBad(RollbackPlan p) {
        long low = Math.min(p.targetRevision(), p.currentRevision());
        long high = Math.max(p.targetRevision(), p.currentRevision());
        return history.stream().filter(r -> r.number() > low && r.number() <= high)
                .min(Comparator.comparingLong(Revision::number)).orElse(null);
    }

    private void showPreflight(Preflighted p) {
        if (p.generation() != generation) {
            return;
        }
        busy.set(false);
        if (p.error() != null) {
            message.set("The plan cannot be made: " + p.error());
            return;
        }
        plan = p.plan();
        firstBad = p.firstBad();
        access.expect(p.confirmation());
        preflight.setAll(p.checks().stream().map(c -> new CheckRow(c.outcome().label(), c.area(), c.text(),
                c.outcome() == PreflightCheck.Outcome.FAILED, c.outcome() == PreflightCheck.Outcome.WARNING))
                .toList());
        preflightPassed = Preflight.canProceed(p.checks());
        planText.set("Plan " + plan.id() + ": " + plan.workload() + " revision " + plan.currentRevision() + " \u2192 "
                + plan.targetRevision() + (p.saved() == null ? "" : " \u00b7 saved as " + p.saved()));
        step.set(Step.PREFLIGHT);
        long warnings = p.checks().stream().filter(c -> c.outcome() == PreflightCheck.Outcome.WARNING).count();
        message.set(preflightPassed ? "Preflight passed" + (warnings == 0 ? "." : " with " + warnings
                + " warning" + (warnings == 1 ? "" : "s") + ": read them before you confirm.")
                : "Preflight failed: the rollback cannot run, nothing was written.");
        updateExecute();
    }

    // ---- step 4: confirm ----

    /** Step 3 to 4, when the preflight found nothing that stops the rollback. */
    public void toConfirm() {
        if (plan == null || !preflightPassed) {
            message.set("The preflight must pass first.");
            return;
        }
        step.set(Step.CONFIRM);
        message.set(confirmationNeeded() ? "Production: type " + access.confirmationProperty().get()
                + " to confirm." : "Confirm to roll back.");
        updateExecute();
    }

    public boolean confirmationNeeded() {
        return !access.confirmationProperty().get().isEmpty();
    }

    private void updateExecute() {
        String reason = executeBlocked();
        disabledReason.set(reason == null ? "" : "Roll back is disabled: " + reason);
        canExecute.set(reason == null);
    }

    private String executeBlocked() {
        if (!access.writable()) {
            return access.readOnlyProperty().get();
        }
        if (plan == null || !preflightPassed) {
            return "the preflight has not passed";
        }
        if (step.get() != Step.CONFIRM) {
            return "confirm first";
        }
        if (!access.confirmed()) {
            return "type " + access.confirmationProperty().get() + " exactly";
        }
        return null;
    }

    // ---- steps 5 and 6: execute, verify, summary ----

    /** Step 4 to 5: the confirmed plan as an operation; progress shows here and in the Operations panel. */
    public void execute() {
        updateExecute();
        if (!canExecute.get()) {
            message.set(disabledReason.get());
            return;
        }
        RollbackPlan confirmed = plan;
        // recorded by the operation itself, so that the audit log has it before the writes
        start(confirmed, "Roll back " + confirmed.workload().name() + " to revision " + confirmed.targetRevision(),
                access.confirmer(), () -> ports.runner().recordDecision("rollback.confirmed", confirmed, Map.of(
                        "typed", confirmationNeeded() ? access.confirmationProperty().get() : "nothing to type")));
    }

    /** @param first what the operation does before it writes (records the confirmation) */
    private void start(RollbackPlan p, String title, Confirmer confirmer, Runnable first) {
        plan = p;
        failed = null;
        forwardTyped.set("");
        decisionOffered.set(false);
        verified.set(false);
        outcome.set("");
        verification.setAll(Verification.CHECKS.stream()
                .map(c -> new CheckRow(CheckRow.WAITING, c, "", false, false)).toList());
        progress.set("Testing the plan again and writing it\u2026");
        step.set(Step.RUN);
        canExecute.set(false);
        RollbackTask task = new RollbackTask(title, ports.runner(), p, ports.verify(), confirmer, first, runSink);
        task.stateProperty().addListener((obs, old, now) -> {
            if (now == Worker.State.CANCELLED && step.get() == Step.RUN) {
                step.set(Step.SUMMARY);
                outcome.set("\u26A0 Stopped verifying: the rollback itself was written. Check the workload.");
            }
        });
        message.set(title + ": running (see also the Operations panel).");
        startOperation.accept(task);
    }

    private void showRun(RunEvent e) {
        if (e.plan() != plan) {
            return;
        }
        if (e.verification() != null) {
            verification.setAll(Verification.CHECKS.stream().map(c -> row(c, e.verification())).toList());
        }
        switch (e.kind()) {
            case WRITING -> progress.set("Writing: " + e.text());
            case CHECKED -> progress.set("Verifying: " + e.verification().failures().size() + " check failures left"
                    + (e.verification().ok() ? "" : ", waiting for the rollout"));
            case VERIFIED -> finish(true, "\u2714 Verified: " + plan.workload() + " runs revision "
                    + plan.targetRevision() + " (" + String.join(", ", plan.targetImages()) + "); "
                    + e.verification().rollout().pods().size() + " pods ready, no crash-loops, heartbeats agree.");
            case VERIFICATION_FAILED -> {
                failed = plan;
                finish(false, "\u2716 Verification failed: " + String.join("; ", e.reasons())
                        + ". Go forward again to revision " + plan.currentRevision() + ", or stay on revision "
                        + plan.targetRevision() + ".");
                decisionOffered.set(true);
            }
            case REFUSED -> finish(false, "\u2716 Rollback refused, nothing written: "
                    + String.join("; ", e.reasons()));
            case ERROR -> finish(false, "\u2716 The rollback stopped: " + String.join("; ", e.reasons()));
        }
    }

    private static CheckRow row(String check, Verification v) {
        List<String> failures = v.failuresOf(check);
        return failures.isEmpty() ? new CheckRow(CheckRow.PASSED, check, "", false, false)
                : new CheckRow(CheckRow.FAILED, check, String.join("; ", failures), true, false);
    }

    private void finish(boolean ok, String text) {
        verified.set(ok);
        outcome.set(text);
        progress.set(ok ? "Done." : "Stopped.");
        step.set(Step.SUMMARY);
        replayWindowText.set(firstBad == null ? "" : "Failed runs from " + time.format(firstBad.createdAt())
                + " (when revision " + firstBad.number() + " was made) to now");
        message.set(ok ? "Rollback verified." : "See the summary.");
    }

    /** Going forward on production needs {@code <context>/<namespace>/<workload>} typed exactly again. */
    private void updateGoForward() {
        canGoForward.set(access.writable() && decisionOffered.get() && failed != null && (!confirmationNeeded()
                || forwardTyped.get().strip().equals(access.confirmationProperty().get())));
    }

    /**
     * After a failed verification: plan the way back to the revision we came from, and run it (audited). On a
     * production connection only once {@code <context>/<namespace>/<workload>} is typed again.
     */
    public void goForward() {
        RollbackPlan from = failed;
        if (from == null) {
            return;
        }
        if (!canGoForward.get()) {
            message.set(access.writable() ? "Going forward writes to production: type "
                    + access.confirmationProperty().get() + " exactly." : access.readOnlyProperty().get() + ".");
            return;
        }
        decisionOffered.set(false);
        busy.set(true);
        List<String> failures = failedChecks();
        message.set("Planning the way back to revision " + from.currentRevision() + "\u2026");
        executor.supply(() -> {
            RollbackPlan back = ports.planner().plan(from.workload(), from.currentRevision());
            ports.plans().save(back, ports.plans().defaultFile(back));
            ports.runner().recordDecision("rollback.go-forward", from, Map.of("plan", back.id(),
                    "failures", String.join("; ", failures)));
            return new Forward(back, null);
        }).whenComplete((f, e) -> forwardSink.accept(e == null ? f : new Forward(null, rootMessage(e))));
    }

    private void startForward(Forward f) {
        busy.set(false);
        if (f.error() != null) {
            decisionOffered.set(true);
            message.set("Cannot go forward: " + f.error());
            return;
        }
        start(f.plan(), "Go forward: " + f.plan().workload().name() + " back to revision "
                + f.plan().targetRevision(), Confirmer.typed(forwardTyped.get()), () -> { });
    }

    /** After a failed verification: stay on the target revision; the decision and what failed are audited. */
    public void stay() {
        RollbackPlan at = failed;
        if (at == null) {
            return;
        }
        decisionOffered.set(false);
        failed = null;
        List<String> failures = failedChecks();
        executor.run(() -> ports.runner().recordDecision("rollback.stay", at, Map.of("failures",
                String.join("; ", failures))));
        outcome.set("\u26A0 Staying on revision " + at.targetRevision() + " although verification failed: "
                + String.join("; ", failures));
        message.set("Decision recorded in the audit log.");
    }

    private List<String> failedChecks() {
        return verification.stream().filter(CheckRow::failed).map(r -> r.check() + ": " + r.detail()).toList();
    }

    /** Opens the replay planner prefilled with the incident window: from the first bad revision to now. */
    public void replayWindow() {
        if (firstBad != null) {
            ports.replayWindow().accept(firstBad.createdAt());
        }
    }

    /** Back to step 1, for another rollback. */
    public void restart() {
        generation++;
        plan = null;
        failed = null;
        preflightPassed = false;
        firstBad = null;
        access.expect(Optional.empty());
        preflight.clear();
        verification.clear();
        diff.clear();
        outcome.set("");
        decisionOffered.set(false);
        step.set(Step.WORKLOAD);
        load();
    }

    /** One step back, before anything was executed. */
    public void back() {
        switch (step.get()) {
            case TARGET -> step.set(Step.WORKLOAD);
            case PREFLIGHT -> step.set(Step.TARGET);
            case CONFIRM -> step.set(Step.PREFLIGHT);
            default -> {
                return;
            }
        }
        generation++;
        busy.set(false);
        updateExecute();
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ObservableList<WorkloadRow> workloads() {
        return workloads;
    }

    public ObjectProperty<WorkloadRow> workloadProperty() {
        return workload;
    }

    public ObservableList<Revision> targets() {
        return targets;
    }

    public ObjectProperty<Revision> targetProperty() {
        return target;
    }

    /** "Current: revision 2 · image · created ...". */
    public ReadOnlyStringProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ObservableList<DiffRow> diff() {
        return diff;
    }

    /** "" unless the rollback changes the execution mode; then a warning in words. */
    public ReadOnlyStringProperty trustNoteProperty() {
        return trustNote.getReadOnlyProperty();
    }

    public ObservableList<CheckRow> preflight() {
        return preflight;
    }

    public ReadOnlyStringProperty planTextProperty() {
        return planText.getReadOnlyProperty();
    }

    /** Why Roll back is off on a read-only connection, and what production asks to be typed. */
    public WriteAccess access() {
        return access;
    }

    /** The workload name typed again to go forward (production profiles). */
    public StringProperty forwardTypedProperty() {
        return forwardTyped;
    }

    public ReadOnlyBooleanProperty canGoForwardProperty() {
        return canGoForward.getReadOnlyProperty();
    }

    /** "" when Roll back is enabled, else "Roll back is disabled: why". */
    public ReadOnlyStringProperty disabledReasonProperty() {
        return disabledReason.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canExecuteProperty() {
        return canExecute.getReadOnlyProperty();
    }

    /** The plan of the step shown: the one tested, confirmed or running. */
    public RollbackPlan plan() {
        return plan;
    }

    /** Each verification check with its state and, when failing, the pods it fails on. */
    public ObservableList<CheckRow> verification() {
        return verification;
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty verifiedProperty() {
        return verified.getReadOnlyProperty();
    }

    /** True after a failed verification, until go forward or stay is chosen. */
    public ReadOnlyBooleanProperty decisionOfferedProperty() {
        return decisionOffered.getReadOnlyProperty();
    }

    /** "Failed runs from ... to now", or "" when the window is not known. */
    public ReadOnlyStringProperty replayWindowTextProperty() {
        return replayWindowText.getReadOnlyProperty();
    }
}
