package dev.pitwall.ops.fleet;

import dev.pitwall.model.KubeEvent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The latest Events per namespace, bounded. Events are kept whatever object they are about and filtered when read,
 * because an Event can arrive before the pod it is about (the informers sync independently).
 */
final class EventLog {

    static final int PER_NAMESPACE = 200;

    private final Map<String, Deque<KubeEvent>> byNamespace = new HashMap<>();

    void add(KubeEvent event) {
        Deque<KubeEvent> events = byNamespace.computeIfAbsent(event.namespace(), k -> new ArrayDeque<>());
        events.removeIf(e -> sameOccurrence(e, event));
        events.addLast(event);
        while (events.size() > PER_NAMESPACE) {
            events.removeFirst();
        }
    }

    void forget(String namespace) {
        byNamespace.remove(namespace);
    }

    /** Newest first, at most {@code limit}, only those {@code about} accepts. */
    List<KubeEvent> recent(String namespace, Predicate<KubeEvent> about, int limit) {
        Deque<KubeEvent> events = byNamespace.get(namespace);
        if (events == null) {
            return List.of();
        }
        List<KubeEvent> out = new ArrayList<>();
        for (KubeEvent e : events) {
            if (about.test(e)) {
                out.add(e);
            }
        }
        out.sort(Comparator.comparing(KubeEvent::lastSeen, Comparator.nullsFirst(Comparator.naturalOrder()))
                .reversed());
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    /** An Event that repeats is updated in place (count and time), so it is one entry. */
    private static boolean sameOccurrence(KubeEvent a, KubeEvent b) {
        return a.objectKind().equals(b.objectKind()) && a.objectName().equals(b.objectName())
                && java.util.Objects.equals(a.reason(), b.reason())
                && java.util.Objects.equals(a.message(), b.message());
    }
}
