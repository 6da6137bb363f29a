package dev.pitwall.ops.fleet;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A port: live worker pods, workloads, revisions, Events and namespaces of a cluster, as a stream of
 * {@link ClusterEvent}s. Implemented with informers (watches, no periodic LIST) by the Kubernetes adapter.
 */
public interface ClusterWatch extends AutoCloseable {

    /**
     * Starts watching. Events reach {@code sink} from the watch threads, in order per object. The future completes
     * when the initial state of every watched kind has been delivered, or found forbidden; it never completes while
     * the API server cannot be reached at all (the watch keeps retrying by itself).
     */
    CompletableFuture<Void> start(Consumer<ClusterEvent> sink);

    /** Whether every watch is live right now, and why not. */
    Connection connection();

    @Override
    void close();

    record Connection(boolean live, String reason) {

        public static Connection up() {
            return new Connection(true, "");
        }

        public static Connection down(String reason) {
            return new Connection(false, reason);
        }
    }
}
