package dev.pitwall.ops.replay;

import dev.pitwall.ops.runs.PlatformException;
import dev.pitwall.ops.runs.RetryOutcome;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An in-memory platform for engine tests: runs start FAILED; a retry makes them QUEUED; each {@link #tick} finishes
 * queued runs as SUCCEEDED, or FAILED again for runs the test marks as still broken. Every accepted retry is counted
 * per run, so tests can assert "exactly once".
 */
final class FakeWorld implements ReplayTarget {

    private final Map<String, ItemStatus> runs = new LinkedHashMap<>();
    private final Map<String, Integer> retries = new HashMap<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final Set<String> deleted = new HashSet<>();
    private Predicate<String> broken = id -> false;
    private final Instant originalFinish = Instant.parse("2026-11-28T01:00:00Z");
    private int sendCalls;
    private Instant now = Instant.parse("2026-11-28T04:00:00Z");

    enum Failure { NONE, UNAVAILABLE_503, LOST_ANSWER, UNAUTHORIZED_401, REJECT_FIRST }

    FakeWorld(List<ReplayItem> items) {
        items.forEach(i -> runs.put(i.id(), new ItemStatus(ItemStatus.Kind.FAILED, "FAILED", i.failedStepName(),
                "boom", originalFinish)));
    }

    Instant originalFinish() {
        return originalFinish;
    }

    void failNextSends(Failure... f) {
        failures.addAll(List.of(f));
    }

    void keepFailing(Predicate<String> which) {
        broken = which;
    }

    void delete(String id) {
        deleted.add(id);
    }

    synchronized int retriesOf(String id) {
        return retries.getOrDefault(id, 0);
    }

    synchronized int totalRetries() {
        return retries.values().stream().mapToInt(Integer::intValue).sum();
    }

    synchronized int sendCalls() {
        return sendCalls;
    }

    /** The world moves: queued runs finish. */
    synchronized void tick(Instant at) {
        now = at;
        runs.replaceAll((id, s) -> s.kind() == ItemStatus.Kind.QUEUED
                ? (broken.test(id) ? new ItemStatus(ItemStatus.Kind.FAILED, "FAILED", "step_2", "still broken", at)
                : new ItemStatus(ItemStatus.Kind.SUCCEEDED, "SUCCEEDED", null, null, at))
                : s);
    }

    @Override
    public synchronized List<RetryOutcome> write(ReplayBatch batch) {
        List<String> ids = batch.ids();
        sendCalls++;
        Failure f = failures.poll();
        if (f == Failure.UNAVAILABLE_503) {
            throw new PlatformException(503, "bulk retry: HTTP 503 Service Unavailable");
        }
        if (f == Failure.UNAUTHORIZED_401) {
            throw new PlatformException(401, "bulk retry: HTTP 401 invalid API key");
        }
        List<RetryOutcome> out = new ArrayList<>();
        for (String id : ids) {
            if (f == Failure.REJECT_FIRST && out.isEmpty()) {
                out.add(new RetryOutcome(id, id, "FLOW_RUN_RETRY_OUTSIDE_RETENTION", "too old"));
                continue;
            }
            ItemStatus s = runs.get(id);
            if (deleted.contains(id) || s == null) {
                out.add(new RetryOutcome(id, id, "ENTITY_NOT_FOUND", "no such run"));
            } else if (s.kind() != ItemStatus.Kind.FAILED) {
                out.add(new RetryOutcome(id, id, "FLOW_RUN_NOT_FAILED", "not in a failed state: " + s.raw()));
            } else {
                retries.merge(id, 1, Integer::sum);
                runs.put(id, ItemStatus.of(ItemStatus.Kind.QUEUED));
                out.add(new RetryOutcome(id, id, null, null));
            }
        }
        if (f == Failure.LOST_ANSWER) {
            throw new PlatformException(0, "bulk retry: request timed out");
        }
        return out;
    }

    @Override
    public synchronized Map<String, ItemStatus> status(String partition, List<String> ids) {
        Map<String, ItemStatus> out = new HashMap<>();
        for (String id : ids) {
            out.put(id, deleted.contains(id) ? ItemStatus.of(ItemStatus.Kind.MISSING) : runs.get(id));
        }
        return out;
    }
}
