package dev.pitwall.ops.replay;

import dev.pitwall.model.TargetIdentity;
import dev.pitwall.ops.runs.RetryStrategy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a replay will do, fixed before it starts: the executions to replay, those left out and why. Saved as JSON so
 * that it can be reviewed, passed around and run headless.
 *
 * @param selection a readable description of how the runs were chosen (the filter), for the report
 * @param target    the platform or Redis the runs were read from, where they are replayed (null in a plan of an
 *                  older Pitwall: refused)
 */
public record ReplayPlan(String id, Instant createdAt, ReplaySource source, RetryStrategy strategy, String selection,
                         List<ReplayItem> items, List<Exclusion> exclusions, TargetIdentity target) {

    public ReplayPlan {
        if (items == null) {
            throw new IllegalArgumentException("a plan needs a list of items");
        }
        items = List.copyOf(items);
        exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a plan needs an id");
        }
        if (source == null || strategy == null) {
            throw new IllegalArgumentException("a plan needs a source and a strategy");
        }
        long distinct = items.stream().map(ReplayItem::id).distinct().count();
        if (distinct != items.size()) {
            throw new IllegalArgumentException("the plan lists an execution twice");
        }
    }

    /** Executions per group, largest first. */
    public Map<String, Long> countsByGroup() {
        Map<String, Long> counts = new LinkedHashMap<>();
        items.forEach(i -> counts.merge(i.group(), 1L, Long::sum));
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** Exclusions per reason. */
    public Map<String, Long> exclusionsByReason() {
        Map<String, Long> counts = new LinkedHashMap<>();
        exclusions.forEach(e -> counts.merge(e.reason(), 1L, Long::sum));
        return counts;
    }
}
