package dev.pitwall.ops.fleet;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A port: how many flow runs failed recently, per namespace (from the platform). */
public interface FailedRunCounter {

    /**
     * Failed runs since {@code since} for each namespace the platform can attribute runs to, given the worker groups
     * and pods of each namespace. A namespace left out of the answer shows as unknown.
     */
    Map<String, Long> failedRunsSince(Instant since, List<NamespaceWorkers> namespaces) throws FeedException;

    /**
     * The workers of one namespace: their groups ("shared" or group ids), pod names, and the worker ids their
     * heartbeats carry (the platform's name for a worker, joined to the pod by IP).
     */
    record NamespaceWorkers(String namespace, Set<String> groups, Set<String> pods, Set<String> workerIds) {
    }
}
