package dev.pitwall.ops.rollback;

import java.util.List;

/** The outcome of testing a plan: every problem found (empty when the plan can run) and what was checked. */
public record PlanTest(List<String> problems, List<String> passed) {

    public PlanTest {
        problems = List.copyOf(problems);
        passed = List.copyOf(passed);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
