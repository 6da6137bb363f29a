package dev.pitwall.ops.timeline;

import dev.pitwall.model.FlowRun;
import dev.pitwall.ops.runs.FlowRunSource;
import dev.pitwall.ops.runs.RunPage;
import dev.pitwall.ops.runs.RunQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The runs in a failed state created in a window, read page by page up to a cap (an incident can fail millions). */
public final class FailedRunList {

    public static final int DEFAULT_CAP = 50_000;
    private static final int PAGE = 1000;

    private FailedRunList() {
    }

    /** @return the runs, and whether the cap cut the list (the counts are then "at least") */
    public static Fetched fetch(FlowRunSource source, Instant from, Instant to, int cap) {
        RunQuery query = RunQuery.failedBetween(from, to);
        List<FlowRun> runs = new ArrayList<>();
        String cursor = null;
        while (true) {
            RunPage page = source.page(query, cursor, PAGE);
            for (FlowRun r : page.runs()) {
                if (runs.size() >= cap) {
                    return new Fetched(runs, true);
                }
                runs.add(r);
            }
            if (page.isLast()) {
                return new Fetched(runs, false);
            }
            cursor = page.next();
        }
    }

    public record Fetched(List<FlowRun> runs, boolean capped) {
        public Fetched {
            runs = List.copyOf(runs);
        }
    }
}
