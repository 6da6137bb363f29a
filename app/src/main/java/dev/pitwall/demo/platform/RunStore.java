package dev.pitwall.demo.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every flow run, in creation order (runs are only ever appended with non-decreasing creation times), indexed by id.
 * Queries narrow by creation time with a binary search and then scan; cursors are positions, so paging visits every
 * matching run once even while new runs arrive. Not thread-safe: the simulator serialises access.
 */
final class RunStore {

    private final List<FlowRun> runs = new ArrayList<>();
    private final Map<String, FlowRun> byId = new HashMap<>();

    void add(FlowRun run) {
        if (!runs.isEmpty() && run.created < runs.get(runs.size() - 1).created) {
            throw new IllegalStateException("runs must be added in creation order");
        }
        if (byId.putIfAbsent(run.id, run) != null) {
            throw new IllegalStateException("duplicate run id " + run.id);
        }
        run.seq = runs.size();
        runs.add(run);
    }

    /** The creation time of the newest run, or {@link FlowRun#NONE} when there is none. */
    long lastCreated() {
        return runs.isEmpty() ? FlowRun.NONE : runs.get(runs.size() - 1).created;
    }

    FlowRun get(String id) {
        return byId.get(id);
    }

    boolean contains(String id) {
        return byId.containsKey(id);
    }

    int size() {
        return runs.size();
    }

    RunPage page(RunQuery query, Cursor cursor, int limit) {
        List<FlowRun> candidates = candidates(query);
        List<FlowRun> data = new ArrayList<>();
        if (cursor == null || cursor.older()) {
            int from = cursor == null ? candidates.size() - 1 : firstIndexAtOrAbove(candidates, cursor.seq()) - 1;
            boolean more = collect(candidates, query, from, -1, limit, data);
            String next = more ? new Cursor(true, data.get(data.size() - 1).seq).encode() : null;
            String previous = cursor != null && !data.isEmpty() ? new Cursor(false, data.get(0).seq).encode() : null;
            return new RunPage(snapshots(data), next, previous);
        }
        int from = firstIndexAtOrAbove(candidates, cursor.seq() + 1);
        boolean more = collect(candidates, query, from, +1, limit, data);
        Collections.reverse(data);
        String previous = more ? new Cursor(false, data.get(0).seq).encode() : null;
        String next = data.isEmpty() ? null : new Cursor(true, data.get(data.size() - 1).seq).encode();
        return new RunPage(snapshots(data), next, previous);
    }

    private static List<FlowRunSnapshot> snapshots(List<FlowRun> runs) {
        return runs.stream().map(FlowRun::snapshot).toList();
    }

    /** Every matching run, oldest first. */
    List<FlowRun> select(RunQuery query) {
        List<FlowRun> out = new ArrayList<>();
        for (FlowRun run : candidates(query)) {
            if (query.matches(run)) {
                out.add(run);
            }
        }
        return out;
    }

    Map<RunStatus, Integer> countByStatus(RunQuery query) {
        Map<RunStatus, Integer> counts = new EnumMap<>(RunStatus.class);
        for (FlowRun run : candidates(query)) {
            if (query.matches(run)) {
                counts.merge(run.status, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Walks from index {@code from} in {@code direction}, adding up to {@code limit} matches; true if more exist. */
    private static boolean collect(List<FlowRun> candidates, RunQuery query, int from, int direction, int limit,
                                   List<FlowRun> out) {
        for (int i = from; i >= 0 && i < candidates.size(); i += direction) {
            FlowRun run = candidates.get(i);
            if (query.matches(run)) {
                if (out.size() == limit) {
                    return true;
                }
                out.add(run);
            }
        }
        return false;
    }

    /** The runs a query can match, in creation order: the named ids, or the creation-time window. */
    private List<FlowRun> candidates(RunQuery query) {
        if (!query.flowRunIds().isEmpty()) {
            List<FlowRun> named = new ArrayList<>();
            for (String id : query.flowRunIds()) {
                FlowRun run = byId.get(id);
                if (run != null) {
                    named.add(run);
                }
            }
            named.sort(Comparator.comparingInt(r -> r.seq));
            return named;
        }
        int lo = query.createdAfter() == FlowRun.NONE ? 0 : firstCreatedAtOrAfter(query.createdAfter());
        int hi = query.createdBefore() == FlowRun.NONE ? runs.size()
                : firstCreatedAtOrAfter(query.createdBefore() + 1);
        return lo >= hi ? List.of() : runs.subList(lo, hi);
    }

    private int firstCreatedAtOrAfter(long millis) {
        int lo = 0;
        int hi = runs.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (runs.get(mid).created < millis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int firstIndexAtOrAbove(List<FlowRun> sortedBySeq, int seq) {
        int lo = 0;
        int hi = sortedBySeq.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sortedBySeq.get(mid).seq < seq) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
