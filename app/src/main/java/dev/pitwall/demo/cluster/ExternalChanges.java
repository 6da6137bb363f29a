package dev.pitwall.demo.cluster;

import dev.pitwall.demo.ApiRequest;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Notes the writes of other clients (tests, kubectl, the console, the scenario) that the controllers must react to,
 * so that the simulator reads workloads and pods again only when someone else changed them. It is told about a
 * request before that client's call returns, so a change made before a tick is always seen by that tick.
 */
final class ExternalChanges implements Consumer<ApiRequest> {

    private static final Pattern WORKLOADS =
            Pattern.compile("/apis/apps/v1/namespaces/[^/]+/(deployments|statefulsets)(/[^/]+(/scale)?)?");
    private static final Pattern PODS = Pattern.compile("/api/v1/namespaces/([^/]+)/pods(/[^/]+)?");

    private final AtomicBoolean workloadsChanged = new AtomicBoolean(true);
    private final Set<String> podDeletions = ConcurrentHashMap.newKeySet();

    @Override
    public void accept(ApiRequest request) {
        if (!request.isWrite() || request.status() >= 400 || ClusterApi.USER_AGENT.equals(request.userAgent())) {
            return;
        }
        String path = request.resourcePath();
        if (WORKLOADS.matcher(path).matches()) {
            workloadsChanged.set(true);
            return;
        }
        Matcher pods = PODS.matcher(path);
        if (pods.matches() && request.method().equals("DELETE")) {
            podDeletions.add(pods.group(1));
        }
    }

    /** Whether a workload was created, changed, scaled or deleted since the last call (true at first). */
    boolean takeWorkloadChange() {
        return workloadsChanged.getAndSet(false);
    }

    /** The namespaces in which pods were deleted since the last call, in order. */
    Set<String> takePodDeletions() {
        Set<String> namespaces = new TreeSet<>();
        for (String namespace : podDeletions) {
            podDeletions.remove(namespace);
            namespaces.add(namespace);
        }
        return namespaces;
    }
}
