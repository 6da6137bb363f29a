package dev.pitwall.ops.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Remembers when each pod's restart count rose, to tell a crash-loop (restarts rising) from a pod that restarted
 * once long ago.
 */
final class RestartTracker {

    static final Duration WINDOW = Duration.ofMinutes(15);
    /** This many restarts within the window is a crash-loop even when Kubernetes is not backing off (yet). */
    static final int RISING = 3;

    private record Seen(long atMillis, int restarts) {
    }

    private final Map<String, Deque<Seen>> byPod = new HashMap<>();

    void observe(String podKey, Integer restarts, Instant now) {
        if (restarts == null) {
            return;
        }
        Deque<Seen> seen = byPod.computeIfAbsent(podKey, k -> new ArrayDeque<>());
        if (seen.isEmpty() || seen.peekLast().restarts() != restarts) {
            seen.addLast(new Seen(now.toEpochMilli(), restarts));
        }
        prune(seen, now);
    }

    void forget(String podKey) {
        byPod.remove(podKey);
    }

    /** True when the restart count rose by {@link #RISING} or more within the window. */
    boolean rising(String podKey, Instant now) {
        Deque<Seen> seen = byPod.get(podKey);
        if (seen == null || seen.size() < 2) {
            return false;
        }
        prune(seen, now);
        return seen.size() >= 2 && seen.peekLast().restarts() - seen.peekFirst().restarts() >= RISING;
    }

    /** Keeps the newest observation older than the window as the baseline, drops the rest. */
    private static void prune(Deque<Seen> seen, Instant now) {
        long from = now.toEpochMilli() - WINDOW.toMillis();
        while (seen.size() > 1) {
            var it = seen.iterator();
            it.next();
            Seen second = it.next();
            if (second.atMillis() <= from) {
                seen.removeFirst();
            } else {
                break;
            }
        }
    }
}
