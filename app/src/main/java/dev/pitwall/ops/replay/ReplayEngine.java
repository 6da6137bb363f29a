package dev.pitwall.ops.replay;

import dev.pitwall.ops.replay.JournalEntry.Outcome;
import dev.pitwall.ops.replay.JournalState.Stage;
import dev.pitwall.ops.runs.PlatformException;
import dev.pitwall.ops.runs.RetryOutcome;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Replays a plan: canary first, then throttled batches, then follows every replayed execution to its end. The journal
 * is written before each batch is sent and after its answer; an execution whose answer is unknown is sent again only
 * once its status shows it untouched, so nothing runs twice and nothing is lost across crashes and resumes.
 */
public final class ReplayEngine {

    private static final int STATUS_CHUNK = 200;

    private final ReplayJournal journal;
    private final GuardedTarget target;
    private final QueueDepthGauge gauge;
    private final Pacer pacer;
    private final ReplayControl control;
    private final Consumer<ReplayProgress> listener;
    private final SplittableRandom jitter = new SplittableRandom();
    private final AtomicLong batches = new AtomicLong();
    private JournalState state;
    private Map<String, ReplayItem> itemsById;
    private volatile String phase = "starting";
    private volatile String message = "";

    private ReplayEngine(ReplayJournal journal, GuardedTarget target, QueueDepthGauge gauge, Pacer pacer,
                         ReplayControl control, Consumer<ReplayProgress> listener) {
        this.journal = journal;
        this.target = target;
        this.gauge = gauge;
        this.pacer = pacer;
        this.control = control;
        this.listener = listener;
    }

    /** A new replay: writes the plan as the journal's first line. The journal must be empty. */
    public static ReplayEngine start(ReplayPlan plan, ReplaySettings settings, ReplayJournal journal,
                                     GuardedTarget target, QueueDepthGauge gauge, Pacer pacer, ReplayControl control,
                                     Consumer<ReplayProgress> listener) {
        if (!journal.readAll().isEmpty()) {
            throw new IllegalStateException("the journal already holds a replay: resume it instead of starting again");
        }
        journal.append(new JournalEntry.Started(pacer.now(), plan, settings));
        return resume(journal, target, gauge, pacer, control, listener);
    }

    /** Continues the replay its journal describes, wherever it stopped. */
    public static ReplayEngine resume(ReplayJournal journal, GuardedTarget target, QueueDepthGauge gauge, Pacer pacer,
                                      ReplayControl control, Consumer<ReplayProgress> listener) {
        ReplayEngine engine = new ReplayEngine(journal, target, gauge, pacer, control, listener);
        engine.state = JournalState.of(journal.readAll());
        engine.batches.set(engine.state.lastBatch());
        engine.itemsById = new HashMap<>();
        engine.state.plan().items().forEach(i -> engine.itemsById.put(i.id(), i));
        return engine;
    }

    public JournalState state() {
        return state;
    }

    /** Runs to the end, or until stopped (canary failure, refused request, cancel). Returns the final state. */
    public JournalState run() throws InterruptedException {
        if (state.isCompleted()) {
            return state;
        }
        try {
            resolveInDoubt();
            if (!canary() || !sendAll() || !followUp(acceptedOpen(), settings().followUpFor())) {
                return state;
            }
            phase = "done";
            record(new JournalEntry.Completed(pacer.now()));
        } catch (StopException e) {
            stop(e.getMessage());
        } finally {
            publish();
        }
        return state;
    }

    private ReplaySettings settings() {
        return state.settings();
    }

    // ---- in doubt: batches sent before a crash with no answer recorded ----

    private void resolveInDoubt() {
        List<ReplayItem> inDoubt = state.itemsIn(Stage.IN_DOUBT);
        if (inDoubt.isEmpty()) {
            return;
        }
        phase = "checking runs whose answer was lost";
        message = inDoubt.size() + " runs were sent without a recorded answer: reading their status";
        publish();
        byPartition(inDoubt).forEach((partition, items) -> verify(partition, ids(items)));
    }

    /**
     * Reads the status of ids whose send may or may not have happened. Taken up (or failed again since): counted as
     * sent and never sent again. Untouched: released for sending. Gone: finished as missing.
     */
    private List<String> verify(String partition, List<String> ids) {
        List<String> skipped = new ArrayList<>();
        List<String> released = new ArrayList<>();
        for (List<String> chunk : chunks(ids, STATUS_CHUNK)) {
            Map<String, ItemStatus> statuses = target.status(partition, chunk);
            for (String id : chunk) {
                ItemStatus s = statuses.getOrDefault(id, ItemStatus.of(ItemStatus.Kind.MISSING));
                if (s.kind() == ItemStatus.Kind.MISSING) {
                    record(new JournalEntry.Finished(pacer.now(), id, Outcome.MISSING, null,
                            "no longer on the platform (deleted since the plan?)"));
                } else if (s.isUntouchedFailureOf(itemsById.get(id))) {
                    released.add(id);
                } else {
                    skipped.add(id);
                }
            }
        }
        if (!skipped.isEmpty()) {
            record(new JournalEntry.Skipped(pacer.now(), skipped, "already taken up after a send with no answer"));
        }
        if (!released.isEmpty()) {
            record(new JournalEntry.Released(pacer.now(), released));
        }
        return released;
    }

    // ---- canary ----

    private boolean canary() throws InterruptedException {
        if (settings().canaryPerGroup() == 0 || state.canaryPassed()) {
            return true;
        }
        phase = "canary";
        Set<String> canaryIds = new LinkedHashSet<>();
        for (String id : state.canaryIds()) {
            if (state.stage(id) == Stage.ACCEPTED || state.stage(id) == Stage.IN_DOUBT) {
                canaryIds.add(id); // sent by an earlier run of this replay and not finished yet: follow it
            }
        }
        if (canaryIds.isEmpty()) {
            List<ReplayItem> picked = pickCanaries();
            if (picked.isEmpty()) {
                return true;
            }
            message = "replaying " + picked.size() + " canary runs first (" + settings().canaryPerGroup()
                    + " per group)";
            publish();
            for (Map.Entry<String, List<ReplayItem>> e : byPartition(picked).entrySet()) {
                sendWithRetries(e.getKey(), ids(e.getValue()), true);
            }
            picked.forEach(i -> canaryIds.add(i.id()));
        }
        List<String> accepted = canaryIds.stream().filter(id -> state.stage(id) == Stage.ACCEPTED).toList();
        if (!followUp(accepted, settings().followUpFor())) {
            return false;
        }
        for (String id : canaryIds) {
            JournalEntry.Finished f = finishedOf(id);
            if (f != null && f.outcome() != Outcome.SUCCEEDED) {
                ReplayItem item = itemsById.get(id);
                throw new StopException("canary failed: run " + id + " (group " + item.group() + ") "
                        + describe(f) + "; the rest were not sent");
            }
        }
        record(new JournalEntry.CanaryPassed(pacer.now()));
        return true;
    }

    private List<ReplayItem> pickCanaries() {
        Map<String, Integer> perGroup = new HashMap<>();
        List<ReplayItem> picked = new ArrayList<>();
        for (ReplayItem item : state.itemsIn(Stage.NOT_SENT)) {
            int n = perGroup.merge(item.group(), 1, Integer::sum);
            if (n <= settings().canaryPerGroup()) {
                picked.add(item);
            }
        }
        return picked;
    }

    private static String describe(JournalEntry.Finished f) {
        return switch (f.outcome()) {
            case FAILED_AGAIN -> "failed again at step " + f.failedStep() + ": " + f.message();
            case STUCK_QUEUED -> "stayed QUEUED: " + f.message();
            case UNFINISHED -> "did not finish in time";
            case MISSING -> "is gone from the platform";
            case SUCCEEDED -> "succeeded";
        };
    }

    // ---- sending ----

    private boolean sendAll() throws InterruptedException {
        List<ReplayItem> todo = state.itemsIn(Stage.NOT_SENT);
        if (todo.isEmpty()) {
            return true;
        }
        phase = "sending";
        RateLimiter limiter = new RateLimiter(settings().ratePerSecond(), pacer);
        int batchSize = limiter.smoothBatch(settings().batchSize());
        ExecutorService pool = Executors.newFixedThreadPool(settings().concurrency(), r -> {
            Thread t = new Thread(r, "replay-send");
            t.setDaemon(true);
            return t;
        });
        Semaphore inFlight = new Semaphore(settings().concurrency());
        AtomicReference<String> fatal = new AtomicReference<>();
        try {
            outer:
            for (Map.Entry<String, List<ReplayItem>> e : byPartition(todo).entrySet()) {
                for (List<String> batch : chunks(ids(e.getValue()), batchSize)) {
                    // a permit first, so that the queue depth read below already includes the batches sent before,
                    // and a stop raised by the batch before is seen here
                    inFlight.acquire();
                    if (control.isCancelled() || fatal.get() != null) {
                        inFlight.release();
                        break outer;
                    }
                    waitWhilePaused();
                    waitForQueueRoom();
                    limiter.acquire(batch.size());
                    pool.execute(() -> {
                        try {
                            sendWithRetries(e.getKey(), batch, false);
                        } catch (StopException ex) {
                            fatal.compareAndSet(null, ex.getMessage());
                        } catch (InterruptedException ex) {
                            Thread.currentThread().interrupt();
                        } catch (RuntimeException ex) {
                            fatal.compareAndSet(null, "unexpected error: " + ex);
                        } finally {
                            inFlight.release();
                            publish();
                        }
                    });
                }
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.MINUTES);
        }
        if (fatal.get() != null) {
            throw new StopException(fatal.get());
        }
        if (control.isCancelled()) {
            throw new StopException("cancelled by the user");
        }
        return true;
    }

    private void sendWithRetries(String partition, List<String> ids, boolean canary) throws InterruptedException {
        List<String> pending = ids;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            long batch = batches.incrementAndGet();
            record(new JournalEntry.Sending(pacer.now(), batch, partition, pending, canary));
            try {
                List<RetryOutcome> outcomes = target.send(partition, state.plan().strategy(), pending);
                answered(batch, partition, pending, outcomes);
                return;
            } catch (PlatformException e) {
                record(new JournalEntry.BatchFailed(pacer.now(), batch, e.getMessage()));
                if (!e.retryable()) {
                    throw new StopException("the platform refused the replay: " + e.getMessage());
                }
                if (attempt >= settings().maxAttempts()) {
                    throw new StopException("the platform kept failing after " + attempt + " tries: "
                            + e.getMessage());
                }
                message = "batch " + batch + " failed (" + e.getMessage() + "), try " + (attempt + 1) + " of "
                        + settings().maxAttempts() + " after a back-off";
                publish();
                pacer.sleep(backoff(attempt));
                // the failed request may have been processed: send again only what is still untouched
                pending = verify(partition, pending);
            }
        }
    }

    private void answered(long batch, String partition, List<String> sent, List<RetryOutcome> outcomes) {
        Map<String, RetryOutcome> byId = new HashMap<>();
        outcomes.forEach(o -> byId.put(o.runId(), o));
        List<String> accepted = new ArrayList<>();
        List<JournalEntry.Rejected> rejected = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        for (String id : sent) {
            RetryOutcome o = byId.get(id);
            if (o == null) {
                unanswered.add(id);
            } else if (o.accepted()) {
                accepted.add(id);
            } else {
                rejected.add(new JournalEntry.Rejected(id, o.errorCode(), o.errorMessage()));
            }
        }
        record(new JournalEntry.Answered(pacer.now(), batch, accepted, rejected));
        if (!unanswered.isEmpty()) {
            // the answer did not mention them: read whether they were taken up; untouched ones go out again later
            List<String> released = verify(partition, unanswered);
            if (!released.isEmpty()) {
                message = released.size() + " runs were not mentioned in the answer to batch " + batch
                        + " and will be sent again";
            }
        }
    }

    private Duration backoff(int attempt) {
        long base = settings().backoffBase().toMillis() << Math.min(attempt - 1, 10);
        long jittered = base / 2 + jitter.nextLong(base / 2 + 1);
        return Duration.ofMillis(jittered);
    }

    private void waitWhilePaused() throws InterruptedException {
        if (!control.isPaused()) {
            return;
        }
        String before = phase;
        phase = "paused";
        publish();
        while (control.isPaused() && !control.isCancelled()) {
            pacer.sleep(settings().pollEvery());
        }
        phase = before;
    }

    private void waitForQueueRoom() throws InterruptedException {
        if (settings().maxQueueDepth() <= 0 || gauge == null) {
            return;
        }
        long depth = gauge.waiting();
        if (depth <= settings().maxQueueDepth()) {
            return;
        }
        String before = phase;
        phase = "waiting for queue";
        while (depth > settings().maxQueueDepth() && !control.isCancelled()) {
            message = String.format("paused: %,d jobs waiting > %,d", depth, settings().maxQueueDepth());
            publish();
            pacer.sleep(settings().pollEvery());
            depth = gauge.waiting();
        }
        message = String.format("resumed: %,d jobs waiting", depth);
        phase = before;
    }

    // ---- follow-up ----

    private List<String> acceptedOpen() {
        return ids(state.itemsIn(Stage.ACCEPTED));
    }

    /** Follows ids to their end; false when cancelled. */
    private boolean followUp(List<String> ids, Duration limit) throws InterruptedException {
        if (ids.isEmpty()) {
            return true;
        }
        String before = phase;
        phase = before.equals("canary") ? "canary: following up" : "following up";
        Instant deadline = pacer.now().plus(limit);
        Set<String> open = new LinkedHashSet<>(ids);
        while (!open.isEmpty()) {
            if (control.isCancelled()) {
                throw new StopException("cancelled by the user while following up");
            }
            Map<String, List<String>> byPartition = new LinkedHashMap<>();
            open.forEach(id -> byPartition.computeIfAbsent(itemsById.get(id).partition(), k -> new ArrayList<>())
                    .add(id));
            for (Map.Entry<String, List<String>> e : byPartition.entrySet()) {
                for (List<String> chunk : chunks(e.getValue(), STATUS_CHUNK)) {
                    Map<String, ItemStatus> statuses = target.status(e.getKey(), chunk);
                    for (String id : chunk) {
                        Outcome outcome = settle(id, statuses.getOrDefault(id, ItemStatus.of(
                                ItemStatus.Kind.MISSING)));
                        if (outcome != null) {
                            open.remove(id);
                        }
                    }
                }
            }
            message = String.format("%,d replayed runs still running or queued", open.size());
            publish();
            if (open.isEmpty()) {
                break;
            }
            if (!pacer.now().isBefore(deadline)) {
                for (String id : open) {
                    record(new JournalEntry.Finished(pacer.now(), id, Outcome.UNFINISHED, null,
                            "still running or queued after " + limit.toMinutes() + " min of follow-up"));
                }
                break;
            }
            pacer.sleep(settings().pollEvery());
        }
        phase = before;
        return true;
    }

    /** Records the outcome of {@code id} when it has one; returns null while it is still on its way. */
    private Outcome settle(String id, ItemStatus s) {
        ReplayItem item = itemsById.get(id);
        Outcome outcome = switch (s.kind()) {
            case SUCCEEDED -> Outcome.SUCCEEDED;
            case MISSING -> Outcome.MISSING;
            case FAILED -> s.isUntouchedFailureOf(item) ? null : Outcome.FAILED_AGAIN;
            case QUEUED -> queuedTooLong(id) ? Outcome.STUCK_QUEUED : null;
            default -> null;
        };
        if (outcome != null) {
            String note = switch (outcome) {
                case STUCK_QUEUED -> "QUEUED for more than " + settings().stuckAfter().toMinutes()
                        + " min (a job with the same id may still sit in BullMQ's failed set)";
                case MISSING -> "no longer on the platform";
                default -> s.message();
            };
            record(new JournalEntry.Finished(pacer.now(), id, outcome, s.failedStep(), note));
        }
        return outcome;
    }

    private boolean queuedTooLong(String id) {
        return state.sentAt(id).map(at -> Duration.between(at, pacer.now()).compareTo(settings().stuckAfter()) > 0)
                .orElse(false);
    }

    // ---- journal, progress, helpers ----

    private synchronized void record(JournalEntry entry) {
        journal.append(entry);
        state.apply(entry);
    }

    private JournalEntry.Finished finishedOf(String id) {
        for (Outcome o : Outcome.values()) {
            for (JournalEntry.Finished f : state.finished(o)) {
                if (f.id().equals(id)) {
                    return f;
                }
            }
        }
        return null;
    }

    private void stop(String reason) {
        phase = "stopped";
        message = reason;
        record(new JournalEntry.Stopped(pacer.now(), reason));
    }

    private synchronized void publish() {
        if (listener == null) {
            return;
        }
        long total = state.plan().items().size();
        listener.accept(new ReplayProgress(phase, total, state.countSent(),
                state.count(Stage.ACCEPTED) + state.count(Stage.FINISHED), state.count(Stage.REJECTED),
                state.countFinished(Outcome.SUCCEEDED), state.countFinished(Outcome.FAILED_AGAIN),
                state.countFinished(Outcome.STUCK_QUEUED), message));
    }

    private static Map<String, List<ReplayItem>> byPartition(List<ReplayItem> items) {
        Map<String, List<ReplayItem>> out = new LinkedHashMap<>();
        items.forEach(i -> out.computeIfAbsent(i.partition(), k -> new ArrayList<>()).add(i));
        return out;
    }

    private static List<String> ids(List<ReplayItem> items) {
        return items.stream().map(ReplayItem::id).toList();
    }

    private static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            out.add(List.copyOf(list.subList(i, Math.min(list.size(), i + size))));
        }
        return out;
    }

    /** Ends the replay early with a reason that goes into the journal and the report. */
    private static final class StopException extends RuntimeException {
        StopException(String reason) {
            super(reason);
        }
    }
}
