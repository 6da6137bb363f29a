package dev.pitwall.ops.alert;

import dev.pitwall.model.Alert;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The console's alerts. A condition that stays true is one alert (identified by kind and subject), raised once and
 * cleared once; every raise and clear is also kept, with its time, in an append-only history for the incident
 * timeline (bounded: the oldest entries go first).
 */
public final class AlertCenter {

    public static final int DEFAULT_HISTORY = 20_000;

    public enum Change { RAISED, CLEARED }

    /** One line of the history. */
    public record Entry(Instant at, Change change, Alert alert) {
    }

    private final Clock clock;
    private final int historyCap;
    private final Map<String, Alert> active = new LinkedHashMap<>();
    private final Deque<Entry> history = new ArrayDeque<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Entry>> recorders = new CopyOnWriteArrayList<>();

    public AlertCenter(Clock clock, int historyCap) {
        this.clock = clock;
        this.historyCap = historyCap;
    }

    /** Called (on the caller's thread) after any change to the active alerts. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * Called with every new line of the history, in order, on the caller's thread while the center is locked: it must
     * only hand the entry on (see {@link AlertRecorder}).
     */
    public void addRecorder(Consumer<Entry> recorder) {
        recorders.add(recorder);
    }

    /** Raises {@code alert} unless the same condition is active; a new message or severity updates it in place. */
    public void raise(Alert alert) {
        boolean changed;
        synchronized (this) {
            changed = put(alert);
        }
        if (changed) {
            notifyListeners();
        }
    }

    public void clear(String kind, String subject) {
        boolean changed;
        synchronized (this) {
            changed = remove(kind + " " + subject);
        }
        if (changed) {
            notifyListeners();
        }
    }

    /**
     * Makes the active alerts of {@code kinds} exactly {@code current}: new conditions are raised, conditions no
     * longer present are cleared. Each rule set calls this with everything it found true in one evaluation.
     */
    public void reconcile(Set<String> kinds, Collection<Alert> current) {
        boolean changed = false;
        synchronized (this) {
            Map<String, Alert> now = new HashMap<>();
            for (Alert a : current) {
                now.put(a.key(), a);
            }
            List<String> gone = new ArrayList<>();
            for (Alert a : active.values()) {
                if (kinds.contains(a.kind()) && !now.containsKey(a.key())) {
                    gone.add(a.key());
                }
            }
            for (String key : gone) {
                changed |= remove(key);
            }
            for (Alert a : current) {
                changed |= put(a);
            }
        }
        if (changed) {
            notifyListeners();
        }
    }

    /** The active alerts, critical first, then oldest first. */
    public synchronized List<Alert> active() {
        List<Alert> out = new ArrayList<>(active.values());
        out.sort(Comparator.comparing(Alert::severity, Comparator.reverseOrder())
                .thenComparing(Alert::raisedAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    /** Every raise and clear, oldest first (at most the history cap). */
    public synchronized List<Entry> history() {
        return List.copyOf(history);
    }

    private boolean put(Alert alert) {
        Alert before = active.get(alert.key());
        if (before == null) {
            Alert raised = alert.raisedAt() == null ? alert.raisedAt(clock.instant()) : alert;
            active.put(alert.key(), raised);
            record(Change.RAISED, raised);
            return true;
        }
        if (before.severity() == alert.severity() && before.message().equals(alert.message())) {
            return false;
        }
        Alert updated = new Alert(alert.severity(), alert.kind(), alert.subject(), alert.message(),
                before.raisedAt());
        active.put(alert.key(), updated);
        if (before.severity() != alert.severity()) {
            record(Change.RAISED, updated);
        }
        return true;
    }

    private boolean remove(String key) {
        Alert before = active.remove(key);
        if (before == null) {
            return false;
        }
        record(Change.CLEARED, before);
        return true;
    }

    private void record(Change change, Alert alert) {
        Entry entry = new Entry(clock.instant(), change, alert);
        history.addLast(entry);
        recorders.forEach(r -> r.accept(entry));
        while (history.size() > historyCap) {
            history.removeFirst();
        }
    }

    private void notifyListeners() {
        listeners.forEach(Runnable::run);
    }
}
