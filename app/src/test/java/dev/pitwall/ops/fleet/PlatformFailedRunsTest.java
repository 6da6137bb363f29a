package dev.pitwall.ops.fleet;

import dev.pitwall.model.FlowRun;
import dev.pitwall.model.RunStatus;
import dev.pitwall.ops.runs.FlowRunSource;
import dev.pitwall.ops.runs.PlatformException;
import dev.pitwall.ops.runs.RunPage;
import dev.pitwall.ops.runs.RunQuery;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformFailedRunsTest {

    private static final Instant SINCE = Instant.parse("2026-11-27T22:00:00Z");
    private static final List<FailedRunCounter.NamespaceWorkers> NAMESPACES = List.of(
            new FailedRunCounter.NamespaceWorkers("ap-shared", Set.of("shared"), Set.of("worker-0", "worker-1"),
                    Set.of("a1b2c3")),
            new FailedRunCounter.NamespaceWorkers("ap-dedicated-acme", Set.of("wg-acme"), Set.of("acme-0"),
                    Set.of()));

    /** Serves runs three to a page, recording the queries it was asked. */
    private static class PagedRuns implements FlowRunSource {
        final List<FlowRun> runs;
        final List<RunQuery> queries = new ArrayList<>();

        PagedRuns(List<FlowRun> runs) {
            this.runs = runs;
        }

        @Override
        public RunPage page(RunQuery query, String cursor, int limit) {
            queries.add(query);
            int from = cursor == null ? 0 : Integer.parseInt(cursor);
            int to = Math.min(runs.size(), from + 3);
            return new RunPage(runs.subList(from, to), to < runs.size() ? Integer.toString(to) : null);
        }

        @Override
        public Optional<FlowRun> get(String runId) {
            return Optional.empty();
        }
    }

    private static FlowRun failed(String id, String worker) {
        return new FlowRun(id, "p", "f", "v", new RunStatus("FAILED"), SINCE.plusSeconds(60), null, null, null,
                worker, null, null);
    }

    @Test
    void countsEveryPageByTheWorkerThatRanIt() throws FeedException {
        PagedRuns source = new PagedRuns(List.of(failed("r1", "worker-0"), failed("r2", "a1b2c3"),
                failed("r3", "acme-0"), failed("r4", "worker-1"), failed("r5", "someone-else"),
                failed("r6", null), failed("r7", "worker-0")));

        Map<String, Long> counts = new PlatformFailedRuns(source).failedRunsSince(SINCE, NAMESPACES);

        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("ap-shared", 4L, "ap-dedicated-acme", 1L));
        assertThat(source.queries).hasSize(3).allSatisfy(q -> {
            assertThat(q.createdAfter()).isEqualTo(SINCE);
            assertThat(q.statuses()).contains("FAILED", "INTERNAL_ERROR");
        });
    }

    @Test
    void aNamespaceWithoutFailuresCountsZero() throws FeedException {
        Map<String, Long> counts = new PlatformFailedRuns(new PagedRuns(List.of(failed("r1", "acme-0"))))
                .failedRunsSince(SINCE, NAMESPACES);

        assertThat(counts).containsEntry("ap-shared", 0L).containsEntry("ap-dedicated-acme", 1L);
    }

    @Test
    void aPlatformThatRecordsNoWorkerLeavesEveryNamespaceUnknownRatherThanZero() throws FeedException {
        Map<String, Long> counts = new PlatformFailedRuns(new PagedRuns(List.of(failed("r1", null),
                failed("r2", null)))).failedRunsSince(SINCE, NAMESPACES);

        assertThat(counts).isEmpty();
    }

    @Test
    void aPlatformErrorBecomesAFeedErrorWithItsReason() {
        FlowRunSource broken = new PagedRuns(List.of()) {
            @Override
            public RunPage page(RunQuery query, String cursor, int limit) {
                throw new PlatformException(401, "list flow runs: HTTP 401 invalid API key");
            }
        };

        assertThatThrownBy(() -> new PlatformFailedRuns(broken).failedRunsSince(SINCE, NAMESPACES))
                .isInstanceOf(FeedException.class).hasMessageContaining("HTTP 401 invalid API key");
    }
}
