package dev.pitwall.ui.replay;

import dev.pitwall.model.FlowRun;
import dev.pitwall.ops.audit.AuditLog;
import dev.pitwall.ops.exec.BackgroundExecutor;
import dev.pitwall.ops.replay.AuditedJournal;
import dev.pitwall.ops.replay.JournalState;
import dev.pitwall.ops.replay.Pacer;
import dev.pitwall.ops.replay.QueueDepthGauge;
import dev.pitwall.ops.replay.ReplayFiles;
import dev.pitwall.ops.replay.ReplayJournal;
import dev.pitwall.ops.replay.ReplayPlan;
import dev.pitwall.ops.replay.ReplayPlanner;
import dev.pitwall.ops.replay.ReplayReport;
import dev.pitwall.ops.replay.ReplayRuns;
import dev.pitwall.ops.replay.ReplaySettings;
import dev.pitwall.ops.replay.ReplaySource;
import dev.pitwall.ops.runs.FlowRunSource;
import dev.pitwall.ops.runs.RetryStrategy;
import dev.pitwall.ops.runs.RunPage;
import dev.pitwall.ops.runs.RunQuery;
import dev.pitwall.ops.guard.Confirmer;
import dev.pitwall.ui.common.Fx;
import dev.pitwall.ui.common.WriteAccess;
import javafx.beans.property.ObjectProperty;
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

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Replays screen: a plan made from the failed-runs browser (re-read fresh from the platform, so exclusions are
 * current), its settings, starting it as an operation, and the journals of earlier replays with their state. Starts
 * and resumes go through the write guard: on a read-only connection they are off and refused even if called; on
 * production they need {@code <host>/replay/<runs>} typed.
 */
public final class ReplaysViewModel {

    /** One earlier replay, from its journal. */
    public record JournalRow(Path journal, String planId, String state, long planned, long sent, long succeeded,
                             long failedAgain, boolean resumable, String report) {
    }

    private final FlowRunSource runs;
    private final ReplayPlanner planner;
    private final ReplayFiles files;
    private final ReplayRuns replays;
    private final WriteAccess access;
    private final Supplier<QueueDepthGauge> gauge;
    private final AuditLog audit;
    private final String actor;
    private final BackgroundExecutor executor;
    private final Consumer<Task<?>> startOperation;

    private final ReadOnlyObjectWrapper<ReplayPlan> plan = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Choose runs in Failed runs, then Plan replay.");
    private final ObservableList<JournalRow> journals = FXCollections.observableArrayList();
    public final ObjectProperty<RetryStrategy> strategy = new SimpleObjectProperty<>(RetryStrategy.FROM_FAILED_STEP);
    public final StringProperty rate = new SimpleStringProperty("");
    public final StringProperty maxQueueDepth = new SimpleStringProperty("");
    public final StringProperty canary = new SimpleStringProperty("1");

    /** @param replays replays through the connection's write guard */
    public ReplaysViewModel(FlowRunSource runs, ReplayPlanner planner, ReplayFiles files, ReplayRuns replays,
                            Supplier<QueueDepthGauge> gauge, AuditLog audit, String actor,
                            BackgroundExecutor executor, Consumer<Task<?>> startOperation) {
        this.runs = runs;
        this.planner = planner;
        this.files = files;
        this.replays = replays;
        this.access = new WriteAccess(replays.readOnly());
        this.gauge = gauge;
        this.audit = audit;
        this.actor = actor;
        this.executor = executor;
        this.startOperation = startOperation;
    }

    public ReadOnlyObjectProperty<ReplayPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** Why Start and Resume are off (read-only), and what production asks to be typed before a replay. */
    public WriteAccess access() {
        return access;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableList<JournalRow> journals() {
        return journals;
    }

    /** Plans a replay of {@code candidates}: reads each run's current state first, in chunks, in the background. */
    public void planFrom(List<FlowRun> candidates, String selection) {
        message.set(String.format("Reading the current state of %,d runs\u2026", candidates.size()));
        plan(() -> fresh(candidates), selection);
    }

    /**
     * Plans a replay of every run that failed in a window (an incident's, from the first bad revision to now),
     * read from the platform in the background.
     *
     * @param before the end of the window, or null for now
     */
    public void planWindow(Instant after, Instant before, String selection) {
        message.set("Reading the failed runs of " + selection + "\u2026");
        plan(() -> all(RunQuery.failedBetween(after, before)), selection);
    }

    private void plan(java.util.concurrent.Callable<List<FlowRun>> read, String selection) {
        RetryStrategy chosen = strategy.get();
        executor.supply(() -> {
            ReplayPlan made = planner.plan(read.call(), chosen, selection, replays.identity(ReplaySource.PLATFORM));
            return new Planned(made, replays.confirmationFor(made));
        }).whenComplete((planned, e) -> Fx.run(() -> {
            if (e != null) {
                message.set("Could not plan: " + rootMessage(e));
                return;
            }
            ReplayPlan p = planned.plan();
            access.expect(planned.confirmation());
            plan.set(p);
            message.set(String.format("Plan %s: %,d runs to replay, %,d excluded.", p.id(), p.items().size(),
                    p.exclusions().size()));
        }));
    }

    private List<FlowRun> fresh(List<FlowRun> candidates) {
        List<FlowRun> out = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i += 200) {
            List<String> ids = candidates.subList(i, Math.min(candidates.size(), i + 200)).stream()
                    .map(FlowRun::id).toList();
            out.addAll(all(new RunQuery(null, null, null, null, null, null, null, ids)));
        }
        return out;
    }

    /** Every run the query matches, page by page. */
    private List<FlowRun> all(RunQuery q) {
        List<FlowRun> out = new ArrayList<>();
        String cursor = null;
        do {
            RunPage page = runs.page(q, cursor, 200);
            out.addAll(page.runs());
            cursor = page.isLast() ? null : page.next();
        } while (cursor != null);
        return out;
    }

    private record Planned(ReplayPlan plan, Optional<String> confirmation) {
    }

    /** Starts the planned replay as an operation. Returns false (with the reason in the message) when it cannot. */
    public boolean start() {
        ReplayPlan p = plan.get();
        if (!access.writable()) {
            message.set("Refused: " + access.readOnlyProperty().get() + "; nothing was sent.");
            return false;
        }
        if (p == null || p.items().isEmpty()) {
            message.set("Nothing to replay: make a plan with runs in it first.");
            return false;
        }
        ReplaySettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return false;
        }
        Path journalFile = files.defaultJournal(p);
        ReplayJournal journal = new AuditedJournal(files.journal(journalFile), audit, actor);
        QueueDepthGauge depth = settings.maxQueueDepth() > 0 ? gauge.get() : null;
        if (settings.maxQueueDepth() > 0 && depth == null) {
            message.set("A queue-depth limit needs Redis in the profile.");
            return false;
        }
        Confirmer confirmer = access.confirmer();
        ReplayTask task = new ReplayTask(String.format("Replay %,d runs", p.items().size()), ctx ->
                replays.start(p, settings, journal, depth, Pacer.system(), ctx.control(), ctx.progress(), confirmer));
        task.setOnSucceeded(e -> refreshJournals());
        task.setOnFailed(e -> refreshJournals());
        startOperation.accept(task);
        message.set("Replay started; journal " + journalFile);
        plan.set(null);
        return true;
    }

    /**
     * Resumes an earlier replay from its journal (confirmed, on production, by what was typed for it). Refused on a
     * read-only connection.
     */
    public void resume(JournalRow row) {
        if (!access.writable()) {
            message.set("Refused: " + access.readOnlyProperty().get() + "; nothing was sent.");
            return;
        }
        ReplayJournal journal = new AuditedJournal(files.journal(row.journal()), audit, actor);
        Confirmer confirmer = access.confirmer();
        ReplayTask task = new ReplayTask("Resume replay " + row.planId(), ctx -> {
            JournalState before = JournalState.of(journal.readAll());
            QueueDepthGauge depth = before.settings().maxQueueDepth() > 0 ? gauge.get() : null;
            return replays.resume(journal, depth, Pacer.system(), ctx.control(), ctx.progress(), confirmer);
        });
        task.setOnSucceeded(e -> refreshJournals());
        task.setOnFailed(e -> refreshJournals());
        startOperation.accept(task);
    }

    /** A journal chosen to resume: on production its plan's confirmation is what is to be typed. */
    public void chooseJournal(JournalRow row) {
        if (row == null || !row.resumable()) {
            return;
        }
        executor.supply(() -> replays.confirmationFor(JournalState.of(files.journal(row.journal()).readAll())
                .plan())).whenComplete((text, e) -> Fx.run(() -> access.expect(e == null ? text : Optional.empty())));
    }

    /** Reads the journals of earlier replays in the background. */
    public void refreshJournals() {
        executor.supply(this::readJournals).whenComplete((rows, e) -> Fx.run(() -> {
            if (e == null) {
                journals.setAll(rows);
            } else {
                message.set("Could not read earlier replays: " + rootMessage(e));
            }
        }));
    }

    private List<JournalRow> readJournals() {
        List<JournalRow> rows = new ArrayList<>();
        for (Path file : files.journals()) {
            try {
                JournalState s = JournalState.of(files.journal(file).readAll());
                ReplayReport r = ReplayReport.of(s);
                String state = s.isCompleted() ? "completed" : s.stopReason().map(x -> "stopped: " + x)
                        .orElse("interrupted");
                rows.add(new JournalRow(file, s.plan().id(), state, r.planned(), r.sent(), r.succeeded(),
                        r.failedAgain(), !s.isCompleted(), r.toMarkdown()));
            } catch (RuntimeException e) {
                rows.add(new JournalRow(file, file.getFileName().toString(), "unreadable: " + e.getMessage(), 0, 0,
                        0, 0, false, ""));
            }
        }
        return rows;
    }

    ReplaySettings settings() {
        ReplaySettings s = ReplaySettings.defaults()
                .withRate(number(rate.get(), "Rate"))
                .withMaxQueueDepth((long) number(maxQueueDepth.get(), "Max queue depth"))
                .withCanary((int) number(canary.get(), "Canary runs per group"));
        return s;
    }

    private static double number(String text, String label) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            double v = Double.parseDouble(text.trim());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + " must be a number of 0 or more, got: " + text);
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
