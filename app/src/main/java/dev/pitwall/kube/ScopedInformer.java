package dev.pitwall.kube;

import dev.pitwall.ops.fleet.ClusterEvent;
import dev.pitwall.ops.fleet.ClusterEvent.NamespaceForbidden;
import dev.pitwall.ops.fleet.ClusterEvent.WatchFailed;
import dev.pitwall.ops.fleet.ClusterWatch.Connection;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The informers of one kind of object. Cluster-wide first: one watch however many namespaces (a thousand namespaces
 * must not mean a thousand watches per kind). When the user may not list that kind cluster-wide (403, common with
 * namespace-scoped RBAC), it falls back to one informer per watched namespace; a namespace that answers 403 too is
 * reported forbidden, and the others stay live. Informers never LIST periodically (no resync); fabric8 re-establishes
 * a dropped watch by itself and relists after 410 Gone, and every failure is forwarded so the data can be marked stale.
 *
 * <p>An informer that has not synced within the sync limit is replaced by a fresh one ({@link SyncedStart}).
 */
final class ScopedInformer<T extends HasMetadata> implements AutoCloseable {

    private final String kind;
    private final Function<String, Informable<T>> source;
    private final ResourceEventHandler<T> handler;
    private final NamespaceFilter filter;
    private final Consumer<ClusterEvent> sink;
    private final Duration syncLimit;
    /** Running informers by namespace; the key "" is the cluster-wide one. */
    private final Map<String, SharedIndexInformer<T>> informers = new ConcurrentHashMap<>();
    private final Map<String, String> lastErrors = new ConcurrentHashMap<>();
    private volatile boolean oneByOne;
    private volatile String unwatchable;

    /**
     * @param source the objects to inform on in a namespace, or in every namespace for null
     */
    ScopedInformer(String kind, Function<String, Informable<T>> source, ResourceEventHandler<T> handler,
                   NamespaceFilter filter, Consumer<ClusterEvent> sink, Duration syncLimit) {
        this.kind = kind;
        this.source = source;
        this.handler = handler;
        this.filter = filter;
        this.sink = sink;
        this.syncLimit = syncLimit;
    }

    /** Cluster-wide, falling back to one informer per namespace on 403. Completes when synced or forbidden. */
    CompletableFuture<Void> startClusterWide() {
        return synced("").handle((ok, error) -> {
            if (error == null) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            drop("");
            oneByOne = true;
            if (filter.allowed().isEmpty()) {
                unwatchable = kind + ": " + KubeErrors.describe(error) + "; name the namespaces in the profile to "
                        + "watch them one by one";
                sink.accept(new WatchFailed(unwatchable));
                return CompletableFuture.<Void>completedFuture(null);
            }
            return startEach(filter.allowed());
        }).thenCompose(f -> f);
    }

    /** One informer per namespace from the start (the profile names the namespaces). */
    CompletableFuture<Void> startEach(Collection<String> namespaces) {
        oneByOne = true;
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (String ns : namespaces) {
            all.add(startIn(ns));
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    /** A namespace joined the scope: watch it, or replay what the cluster-wide informer already holds for it. */
    void namespaceAdded(String namespace) {
        if (oneByOne) {
            startIn(namespace);
            return;
        }
        SharedIndexInformer<T> clusterWide = informers.get("");
        if (clusterWide != null) {
            clusterWide.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace).forEach(handler::onAdd);
        }
    }

    void namespaceRemoved(String namespace) {
        drop(namespace);
    }

    /** Stops and forgets the informer of a namespace ("" for all), if there is one. */
    private void drop(String namespace) {
        SharedIndexInformer<T> informer = informers.remove(namespace);
        if (informer != null) {
            informer.stop();
        }
        lastErrors.remove(namespace);
    }

    /** Live when every informer that may watch is watching. */
    Connection connection() {
        if (unwatchable != null) {
            return Connection.down(unwatchable);
        }
        for (var e : informers.entrySet()) {
            if (!e.getValue().isWatching()) {
                String error = lastErrors.get(e.getKey());
                return Connection.down(label(e.getKey()) + " is not watching"
                        + (error == null ? " yet" : ": " + error));
            }
        }
        return Connection.up();
    }

    @Override
    public void close() {
        informers.values().forEach(SharedIndexInformer::stop);
        informers.clear();
    }

    private CompletableFuture<Void> startIn(String namespace) {
        if (informers.containsKey(namespace)) {
            return CompletableFuture.completedFuture(null);
        }
        return synced(namespace).handle((ok, error) -> {
            if (error != null) {
                drop(namespace);
                sink.accept(new NamespaceForbidden(namespace, kind + ": " + KubeErrors.describe(error)));
            }
            return null;
        });
    }

    /**
     * Starts an informer for the namespace ("" for all); completes when it has synced, or fails with the reason it
     * cannot start (forbidden). One that has not synced within the limit is stopped and replaced.
     */
    private CompletableFuture<Void> synced(String namespace) {
        return SyncedStart.start(() -> create(namespace), syncLimit, informer -> informers.get(namespace) == informer,
                why -> {
                    lastErrors.put(namespace, why);
                    sink.accept(new WatchFailed(label(namespace) + ": " + why));
                });
    }

    private SharedIndexInformer<T> create(String namespace) {
        SharedIndexInformer<T> informer = source.apply(namespace.isEmpty() ? null : namespace).runnableInformer(0);
        informer.addEventHandler(handler);
        informer.exceptionHandler((started, error) -> {
            if (!started && KubeErrors.isForbidden(error)) {
                return false;
            }
            String why = KubeErrors.describe(error);
            lastErrors.put(namespace, why);
            sink.accept(new WatchFailed(label(namespace) + ": " + why));
            return true;
        });
        informers.put(namespace, informer);
        return informer;
    }

    private String label(String namespace) {
        return "watch of " + kind + (namespace.isEmpty() ? "" : " in " + namespace);
    }
}
