package dev.pitwall.ops.report;

import dev.pitwall.model.FlowRun;
import dev.pitwall.ops.replay.JournalEntry;
import dev.pitwall.ops.replay.JournalState;
import dev.pitwall.ops.replay.ReplayFiles;
import dev.pitwall.ops.replay.ReplayItem;
import dev.pitwall.ops.runs.FlowRunSource;
import dev.pitwall.ops.runs.RunGroupKey;
import dev.pitwall.ops.timeline.FailedRunList;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts the impact of an incident window: the platform's failed runs of the window (still failing now), joined with
 * the replay journals (which of the window's runs were replayed, and which of those succeeded). A replayed run that
 * succeeded is no longer failed on the platform, so the failed total is the union of both.
 */
public final class ImpactCounter {

    private final FlowRunSource runs;
    private final ReplayFiles replays;
    private final int cap;

    public ImpactCounter(FlowRunSource runs, ReplayFiles replays) {
        this(runs, replays, FailedRunList.DEFAULT_CAP);
    }

    ImpactCounter(FlowRunSource runs, ReplayFiles replays, int cap) {
        this.runs = runs;
        this.replays = replays;
        this.cap = cap;
    }

    /** Blocking I/O: call from a background thread. */
    public Counted count(Instant from, Instant to) {
        FailedRunList.Fetched failedNow = FailedRunList.fetch(runs, from, to, cap);
        Map<String, String> groupOf = new LinkedHashMap<>();
        Set<String> stillFailing = new HashSet<>();
        for (FlowRun r : failedNow.runs()) {
            groupOf.put(r.id(), RunGroupKey.of(r).toString());
            stillFailing.add(r.id());
        }
        Set<String> replayed = new HashSet<>();
        Set<String> recovered = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (Path journal : replays.journals()) {
            try {
                JournalState state = JournalState.of(replays.journal(journal).readAll());
                for (ReplayItem item : state.plan().items()) {
                    Instant when = item.created() != null ? item.created() : item.finishedAt();
                    if (when == null || when.isBefore(from) || !when.isBefore(to)
                            || state.stage(item.id()) == JournalState.Stage.NOT_SENT) {
                        continue;
                    }
                    replayed.add(item.id());
                    groupOf.putIfAbsent(item.id(), item.group());
                }
                state.finished(JournalEntry.Outcome.SUCCEEDED).forEach(f -> {
                    if (replayed.contains(f.id())) {
                        recovered.add(f.id());
                    }
                });
            } catch (RuntimeException e) {
                problems.add("replay journal " + journal.getFileName() + " not counted: " + e.getMessage());
            }
        }
        recovered.removeAll(stillFailing);
        Map<String, long[]> perGroup = new LinkedHashMap<>();
        groupOf.forEach((id, group) -> {
            long[] c = perGroup.computeIfAbsent(group, g -> new long[4]);
            c[0]++;
            c[1] += replayed.contains(id) ? 1 : 0;
            c[2] += recovered.contains(id) ? 1 : 0;
            c[3] += stillFailing.contains(id) ? 1 : 0;
        });
        List<IncidentImpact.GroupCount> groups = perGroup.entrySet().stream()
                .map(e -> new IncidentImpact.GroupCount(e.getKey(), e.getValue()[0], e.getValue()[1],
                        e.getValue()[2], e.getValue()[3]))
                .sorted(Comparator.comparingLong(IncidentImpact.GroupCount::failed).reversed()
                        .thenComparing(IncidentImpact.GroupCount::group))
                .toList();
        IncidentImpact impact = new IncidentImpact(groupOf.size(), groups, replayed.size(), recovered.size(),
                stillFailing.size(), failedNow.capped());
        return new Counted(impact, problems);
    }

    public record Counted(IncidentImpact impact, List<String> problems) {
        public Counted {
            problems = List.copyOf(problems);
        }
    }
}
