package dev.pitwall.ops.runs;

import dev.pitwall.model.FlowRun;

import java.util.List;

/** One page of runs and the cursor of the next page (null on the last page). */
public record RunPage(List<FlowRun> runs, String next) {

    public RunPage {
        runs = List.copyOf(runs);
    }

    public boolean isLast() {
        return next == null || next.isBlank();
    }
}
