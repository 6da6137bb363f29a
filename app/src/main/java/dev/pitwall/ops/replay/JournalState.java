package dev.pitwall.ops.replay;

import dev.pitwall.ops.replay.JournalEntry.Outcome;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What a journal says about every execution of its plan: folded from the entries, in order. */
public final class JournalState {

    /** Where one execution stands. */
    public enum Stage { NOT_SENT, IN_DOUBT, ACCEPTED, REJECTED, FINISHED }

    private final ReplayPlan plan;
    private final ReplaySettings settings;
    private final Map<String, Stage> stages = new HashMap<>();
    private final Map<String, JournalEntry.Rejected> rejections = new HashMap<>();
    private final Map<String, JournalEntry.Finished> finished = new HashMap<>();
    private final Map<String, java.time.Instant> sentAt = new HashMap<>();
    private final Set<String> canaryIds = new LinkedHashSet<>();
    private final Set<String> skipped = new LinkedHashSet<>();
    private long lastBatch;
    private String stopReason;
    private boolean completed;
    private boolean canaryPassed;

    private JournalState(ReplayPlan plan, ReplaySettings settings) {
        this.plan = plan;
        this.settings = settings;
        plan.items().forEach(i -> stages.put(i.id(), Stage.NOT_SENT));
    }

    /** Folds a journal. The first entry must be {@link JournalEntry.Started}. */
    public static JournalState of(List<JournalEntry> entries) {
        if (entries.isEmpty() || !(entries.get(0) instanceof JournalEntry.Started started)) {
            throw new IllegalArgumentException("the journal does not start with its plan: it is not a replay journal"
                    + " or its first line was lost");
        }
        JournalState s = new JournalState(started.plan(), started.settings());
        entries.subList(1, entries.size()).forEach(s::apply);
        return s;
    }

    void apply(JournalEntry e) {
        if (e instanceof JournalEntry.Started) {
            throw new IllegalArgumentException("a second plan inside the journal");
        } else if (e instanceof JournalEntry.Sending s) {
            lastBatch = Math.max(lastBatch, s.batch());
            s.ids().forEach(id -> {
                stages.put(id, Stage.IN_DOUBT);
                sentAt.put(id, s.at());
            });
            if (s.canary()) {
                canaryIds.addAll(s.ids());
            }
        } else if (e instanceof JournalEntry.Answered a) {
            a.accepted().forEach(id -> stages.put(id, Stage.ACCEPTED));
            a.rejected().forEach(r -> {
                stages.put(r.id(), Stage.REJECTED);
                rejections.put(r.id(), r);
            });
        } else if (e instanceof JournalEntry.Skipped k) {
            k.ids().forEach(id -> {
                stages.put(id, Stage.ACCEPTED);
                skipped.add(id);
            });
        } else if (e instanceof JournalEntry.Finished f) {
            stages.put(f.id(), Stage.FINISHED);
            finished.put(f.id(), f);
        } else if (e instanceof JournalEntry.Released r) {
            r.ids().forEach(id -> stages.put(id, Stage.NOT_SENT));
        } else if (e instanceof JournalEntry.CanaryPassed) {
            canaryPassed = true;
        } else if (e instanceof JournalEntry.Stopped st) {
            stopReason = st.reason();
        } else if (e instanceof JournalEntry.Completed) {
            completed = true;
            stopReason = null;
        }
        // BatchFailed changes nothing: its ids stay IN_DOUBT until their status is read
    }

    public ReplayPlan plan() {
        return plan;
    }

    public ReplaySettings settings() {
        return settings;
    }

    public Stage stage(String id) {
        return stages.get(id);
    }

    public List<ReplayItem> itemsIn(Stage stage) {
        List<ReplayItem> out = new ArrayList<>();
        plan.items().forEach(i -> {
            if (stages.get(i.id()) == stage) {
                out.add(i);
            }
        });
        return out;
    }

    public long count(Stage stage) {
        return stages.values().stream().filter(s -> s == stage).count();
    }

    public long countFinished(Outcome outcome) {
        return finished.values().stream().filter(f -> f.outcome() == outcome).count();
    }

    public List<JournalEntry.Finished> finished(Outcome outcome) {
        return plan.items().stream().map(i -> finished.get(i.id()))
                .filter(f -> f != null && f.outcome() == outcome).toList();
    }

    public Map<String, JournalEntry.Rejected> rejections() {
        return Map.copyOf(rejections);
    }

    public Set<String> canaryIds() {
        return Set.copyOf(canaryIds);
    }

    public Set<String> skipped() {
        return Set.copyOf(skipped);
    }

    public Optional<java.time.Instant> sentAt(String id) {
        return Optional.ofNullable(sentAt.get(id));
    }

    public long lastBatch() {
        return lastBatch;
    }

    /** Why the last run of this replay stopped early; empty when it did not (or has been resumed since). */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    public boolean canaryPassed() {
        return canaryPassed;
    }

    public boolean isCompleted() {
        return completed;
    }

    /** Sent, with an answer: accepted (or found taken up), rejected, or already finished. */
    public long countSent() {
        return stages.values().stream().filter(s -> s != Stage.NOT_SENT).count();
    }
}
