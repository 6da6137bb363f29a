package dev.pitwall.ops.runs;

import dev.pitwall.model.FlowRun;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Folds failed runs into groups (flow, failed step, error signature) as they stream in, page by page. */
public final class RunGrouping {

    private final Map<RunGroupKey, Acc> groups = new HashMap<>();

    private static final class Acc {
        long count;
        Instant first;
        Instant last;
        String exampleId;
        String exampleMessage;
    }

    public void add(FlowRun run) {
        Acc a = groups.computeIfAbsent(RunGroupKey.of(run), k -> new Acc());
        a.count++;
        Instant created = run.created();
        if (created != null) {
            if (a.first == null || created.isBefore(a.first)) {
                a.first = created;
            }
            if (a.last == null || created.isAfter(a.last)) {
                a.last = created;
                a.exampleId = run.id();
                a.exampleMessage = run.failedStep() == null ? null : run.failedStep().message();
            }
        } else if (a.exampleId == null) {
            a.exampleId = run.id();
        }
    }

    public void addAll(Iterable<FlowRun> runs) {
        runs.forEach(this::add);
    }

    /** Largest group first; ties by most recent. */
    public List<RunGroup> groups() {
        return groups.entrySet().stream()
                .map(e -> new RunGroup(e.getKey(), e.getValue().count, e.getValue().first, e.getValue().last,
                        e.getValue().exampleId, e.getValue().exampleMessage))
                .sorted(Comparator.comparingLong(RunGroup::count).reversed()
                        .thenComparing(g -> g.lastSeen() == null ? Instant.MIN : g.lastSeen(),
                                Comparator.reverseOrder()))
                .toList();
    }

    public long total() {
        return groups.values().stream().mapToLong(a -> a.count).sum();
    }
}
