package dev.pitwall.ops.trust;

import dev.pitwall.model.FailedStep;
import dev.pitwall.model.FlowRun;
import dev.pitwall.model.RunStatus;
import dev.pitwall.ops.replay.VirtualPacer;
import dev.pitwall.ops.runs.FlowRunSource;
import dev.pitwall.ops.runs.RunPage;
import dev.pitwall.ops.runs.RunQuery;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The smoke test's own logic: the run found without an id from the webhook, and a run that never ends. */
class SmokeTesterTest {

    private final List<FlowRun> runs = new ArrayList<>();
    private final VirtualPacer pacer = new VirtualPacer(at -> { });
    private final FlowRunSource source = new FlowRunSource() {
        @Override
        public RunPage page(RunQuery query, String cursor, int limit) {
            assertThat(query.flowIds()).containsExactly("smoke-globex");
            assertThat(query.projectId()).isEqualTo("proj-globex");
            List<FlowRun> newestFirst = new ArrayList<>(runs);
            java.util.Collections.reverse(newestFirst);
            return new RunPage(newestFirst.stream().limit(limit).toList(), null);
        }

        @Override
        public Optional<FlowRun> get(String runId) {
            return runs.stream().filter(r -> r.id().equals(runId)).findFirst();
        }
    };

    private static FlowRun run(String id, String status, FailedStep failed) {
        return new FlowRun(id, "proj-globex", "smoke-globex", "v1", new RunStatus(status), null, null, null, failed,
                null, null, null);
    }

    private static GroupTrust group() {
        return new GroupTrust("wg-globex", "ap-dedicated-globex", null, null, null, null, 0, List.of(), List.of(),
                null, EnumSet.noneOf(DriftKind.class), null, new SmokeFlow("smoke-globex", "proj-globex"), null);
    }

    @Test
    void withoutARunIdTheNewRunIsFoundAmongTheFlowsNewestAndItsFailedStepReported() throws Exception {
        runs.add(run("old-1", "SUCCEEDED", null));
        FlowTrigger asynchronous = (flow, payload) -> {
            assertThat(payload).containsEntry("pitwallSmokeTest", "true");
            runs.add(run("new-1", "FAILED", new FailedStep("step_1", "Code: use lodash",
                    "Error: Cannot find module 'lodash'")));
            return Optional.empty();
        };
        SmokeResult result = new SmokeTester(asynchronous, source, pacer).run(group(), Duration.ofMinutes(1),
                step -> { });
        assertThat(result.outcome()).isEqualTo(SmokeResult.Outcome.FAILED);
        assertThat(result.runId()).isEqualTo("new-1");
        assertThat(result.text()).isEqualTo("failed: run new-1 FAILED at step_1 (Code: use lodash): "
                + "Error: Cannot find module 'lodash'");
    }

    @Test
    void aRunThatNeverEndsTimesOutWithinTheBound() throws Exception {
        FlowTrigger trigger = (flow, payload) -> {
            runs.add(run("stuck", "RUNNING", null));
            return Optional.of("stuck");
        };
        SmokeResult result = new SmokeTester(trigger, source, pacer).run(group(), Duration.ofSeconds(20),
                step -> { });
        assertThat(result.outcome()).isEqualTo(SmokeResult.Outcome.TIMED_OUT);
        assertThat(pacer.elapsed()).isEqualTo(Duration.ofSeconds(20));
        assertThat(result.text()).isEqualTo("timed out after 20 s: run stuck is still RUNNING");
    }

    @Test
    void aGroupWithoutASmokeFlowIsNotRun() throws Exception {
        GroupTrust none = new GroupTrust("shared", "ap-shared", null, null, null, null, 0, List.of(), List.of(),
                null, EnumSet.noneOf(DriftKind.class), null, null, null);
        SmokeResult result = new SmokeTester((f, p) -> Optional.of("x"), source, pacer).run(none,
                Duration.ofSeconds(5), s -> { });
        assertThat(result.text()).isEqualTo("not run: the policy names no smoke flow for group shared");
    }
}
