package dev.pitwall.ops.fleet;

import dev.pitwall.model.FlowRun;
import dev.pitwall.ops.runs.FlowRunSource;
import dev.pitwall.ops.runs.PlatformException;
import dev.pitwall.ops.runs.RunPage;
import dev.pitwall.ops.runs.RunQuery;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Failed runs per namespace from the platform's run list: each failed run names the worker that executed it, and the
 * worker is a namespace's when its id is one of that namespace's heartbeat worker ids or pod names. The platform
 * lists runs per query, not per namespace, so one paged read serves every namespace.
 */
public final class PlatformFailedRuns implements FailedRunCounter {

    /** Enough for any hour an on-call engineer wants counted; past it the read stops rather than stalls the feed. */
    static final int MAX_RUNS = 50_000;
    private static final int PAGE = 500;

    private final FlowRunSource runs;

    public PlatformFailedRuns(FlowRunSource runs) {
        this.runs = runs;
    }

    @Override
    public Map<String, Long> failedRunsSince(Instant since, List<NamespaceWorkers> namespaces) throws FeedException {
        Map<String, String> namespaceOfWorker = new HashMap<>();
        for (NamespaceWorkers ns : namespaces) {
            ns.pods().forEach(p -> namespaceOfWorker.put(p, ns.namespace()));
            ns.workerIds().forEach(w -> namespaceOfWorker.put(w, ns.namespace()));
        }
        Map<String, Long> counts = new HashMap<>();
        namespaces.forEach(ns -> counts.put(ns.namespace(), 0L));
        long failed = 0;
        long attributed = 0;
        RunQuery query = RunQuery.failedBetween(since, null);
        String cursor = null;
        try {
            do {
                RunPage page = runs.page(query, cursor, PAGE);
                for (FlowRun run : page.runs()) {
                    failed++;
                    String ns = run.workerId() == null ? null : namespaceOfWorker.get(run.workerId());
                    if (run.workerId() != null) {
                        attributed++;
                    }
                    if (ns != null) {
                        counts.merge(ns, 1L, Long::sum);
                    }
                }
                cursor = page.isLast() ? null : page.next();
            } while (cursor != null && failed < MAX_RUNS);
        } catch (PlatformException e) {
            throw new FeedException(e.getMessage());
        }
        // a platform that records no executing worker cannot be split by namespace: zeros would read as "all is well"
        return failed > 0 && attributed == 0 ? Map.of() : counts;
    }
}
