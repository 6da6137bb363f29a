package dev.pitwall.demo.cluster;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records v1 Events the way the API server's event sink does: a repeat of the same event (same object, reason and
 * message) raises the count and the last timestamp of the existing Event instead of creating another, and Events
 * expire an hour after they were last seen (the API server's default event TTL).
 */
final class EventRecorder {

    static final Duration TTL = Duration.ofHours(1);
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(5);

    private final ClusterApi api;
    private final Map<Key, Event> recorded = new LinkedHashMap<>();
    private long sequence;
    private Instant lastPrune;

    EventRecorder(ClusterApi api) {
        this.api = api;
    }

    /** A Normal or Warning event about {@code object}, reported by {@code component} (on {@code host}, or null). */
    void record(Instant now, ObjectReference object, String type, String reason, String message, String component,
                String host) {
        Key key = new Key(object.getNamespace(), object.getKind(), object.getName(), object.getUid(),
                object.getFieldPath(), type, reason, message);
        Event existing = recorded.get(key);
        if (existing != null) {
            existing.setCount(existing.getCount() + 1);
            existing.setLastTimestamp(now.toString());
            if (api.set(existing, Map.of("/count", existing.getCount(), "/lastTimestamp", now.toString())) != null) {
                return;
            }
            recorded.remove(key); // deleted by someone else: record it afresh
        }
        Event event = new EventBuilder()
                .withNewMetadata().withNamespace(object.getNamespace())
                .withName(object.getName() + "." + Long.toHexString(now.toEpochMilli() * 1_000_000 + sequence++))
                .withCreationTimestamp(now.toString()).endMetadata()
                .withInvolvedObject(object).withType(type).withReason(reason).withMessage(message)
                .withNewSource().withComponent(component).withHost(host).endSource()
                .withReportingComponent(component).withReportingInstance(host == null ? "" : host)
                .withFirstTimestamp(now.toString()).withLastTimestamp(now.toString()).withCount(1)
                .build();
        api.create(event);
        recorded.put(key, event);
    }

    /** Deletes the events not seen for {@link #TTL}; runs every few simulated minutes. */
    void expire(Instant now) {
        if (lastPrune != null && Duration.between(lastPrune, now).compareTo(PRUNE_EVERY) < 0) {
            return;
        }
        lastPrune = now;
        Instant cutoff = now.minus(TTL);
        for (Iterator<Event> it = recorded.values().iterator(); it.hasNext(); ) {
            Event event = it.next();
            if (Instant.parse(event.getLastTimestamp()).isBefore(cutoff)) {
                api.delete(event);
                it.remove();
            }
        }
    }

    private record Key(String namespace, String kind, String name, String uid, String fieldPath, String type,
                       String reason, String message) {
    }
}
