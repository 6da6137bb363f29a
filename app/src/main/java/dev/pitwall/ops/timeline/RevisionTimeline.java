package dev.pitwall.ops.timeline;

import dev.pitwall.ops.rollback.Change;
import dev.pitwall.ops.rollback.Revision;
import dev.pitwall.ops.rollback.RevisionDiff;
import dev.pitwall.ops.rollback.RollbackCluster;
import dev.pitwall.ops.rollback.WorkloadRef;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The worker workloads' revision changes, with what changed (the rollback feature's history and diff). A change of
 * the execution mode is also a trust entry: it changes what user code may do on the workers.
 */
public final class RevisionTimeline implements TimelineSource {

    private final RollbackCluster cluster;
    private final Supplier<List<WorkloadRef>> workloads;

    public RevisionTimeline(RollbackCluster cluster, Supplier<List<WorkloadRef>> workloads) {
        this.cluster = cluster;
        this.workloads = workloads;
    }

    @Override
    public String name() {
        return "revision history";
    }

    @Override
    public Reading read(Instant from, Instant to) {
        List<TimelineEntry> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (WorkloadRef w : workloads.get()) {
            try {
                out.addAll(changes(w));
            } catch (RuntimeException e) {
                problems.add(w + ": " + e.getMessage());
            }
        }
        return new Reading(out, problems);
    }

    private List<TimelineEntry> changes(WorkloadRef w) {
        List<Revision> history = cluster.history(w);
        String subject = w.namespace() + "/" + w.name();
        List<TimelineEntry> out = new ArrayList<>();
        for (int i = 1; i < history.size(); i++) {
            Revision before = history.get(i - 1);
            Revision after = history.get(i);
            if (after.createdAt() == null) {
                continue;
            }
            RevisionDiff diff = RevisionDiff.between(before, after, name -> cluster.configMap(w.namespace(), name),
                    name -> cluster.secretDigest(w.namespace(), name));
            String what = diff.changes().isEmpty() ? "no template differences"
                    : diff.changes().stream().map(Change::describe).collect(Collectors.joining("; "));
            String cause = after.changeCause() == null || after.changeCause().isBlank() ? ""
                    : " \u2014 \"" + after.changeCause() + "\"";
            out.add(new TimelineEntry(after.createdAt(), TimelineKind.REVISION, TimelineEntry.Level.WARNING, subject,
                    "revision " + diff.from() + " \u2192 " + diff.to() + ": " + what + cause, null));
            for (Change c : diff.changes()) {
                if (c.trust()) {
                    out.add(new TimelineEntry(after.createdAt(), TimelineKind.TRUST, TimelineEntry.Level.CRITICAL,
                            subject, "execution mode changed in revision " + diff.to() + ": "
                            + (c.before() == null ? "(default)" : c.before()) + " \u2192 "
                            + (c.after() == null ? "(default)" : c.after()), null));
                }
            }
        }
        return out;
    }
}
