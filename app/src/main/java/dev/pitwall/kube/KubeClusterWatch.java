package dev.pitwall.kube;

import dev.pitwall.ops.fleet.ClusterEvent;
import dev.pitwall.ops.fleet.ClusterEvent.NamespaceGone;
import dev.pitwall.ops.fleet.ClusterEvent.NamespaceSeen;
import dev.pitwall.ops.fleet.ClusterEvent.ScopeNarrowed;
import dev.pitwall.ops.fleet.ClusterWatch;
import dev.pitwall.ops.fleet.FleetScope;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The fleet's cluster watch: informers on worker pods, Deployments, StatefulSets and ReplicaSets (filtered by the
 * worker label), ControllerRevisions and Events (which carry no worker label; filtered by owner and involved
 * kind), and, with a namespace selector, on the labelled namespaces.
 *
 * <p>Namespaces: when the profile only names namespaces, each kind is watched per named namespace; otherwise each kind
 * is watched cluster-wide (one watch per kind however many namespaces) and objects outside the selected namespaces are
 * dropped, falling back to per-namespace watches on 403. See {@link ScopedInformer}.
 */
public final class KubeClusterWatch implements ClusterWatch {

    private final KubernetesClient client;
    private final FleetScope scope;
    private final List<ScopedInformer<?>> kinds = new ArrayList<>();
    private volatile SharedIndexInformer<Namespace> namespaces;

    /** How long an informer may take to sync before it is replaced (see {@link ScopedInformer}). */
    private static final Duration SYNC_LIMIT = Duration.ofSeconds(20);

    private final Duration syncLimit;

    /** Takes ownership of the client: closing the watch closes it. */
    public KubeClusterWatch(KubernetesClient client, FleetScope scope) {
        this(client, scope, SYNC_LIMIT);
    }

    KubeClusterWatch(KubernetesClient client, FleetScope scope, Duration syncLimit) {
        this.client = client;
        this.scope = scope;
        this.syncLimit = syncLimit;
    }

    @Override
    public CompletableFuture<Void> start(Consumer<ClusterEvent> sink) {
        NamespaceFilter filter = new NamespaceFilter(scope);
        ClusterHandlers handlers = new ClusterHandlers(filter, sink);
        String key = scope.workers().key();
        String value = scope.workers().value();
        kinds.add(new ScopedInformer<>("pods", ns -> ns == null
                ? client.pods().inAnyNamespace().withLabel(key, value)
                : client.pods().inNamespace(ns).withLabel(key, value), handlers.pods(), filter, sink, syncLimit));
        kinds.add(new ScopedInformer<>("deployments", ns -> ns == null
                ? client.apps().deployments().inAnyNamespace().withLabel(key, value)
                : client.apps().deployments().inNamespace(ns).withLabel(key, value),
                handlers.deployments(), filter, sink, syncLimit));
        kinds.add(new ScopedInformer<>("statefulsets", ns -> ns == null
                ? client.apps().statefulSets().inAnyNamespace().withLabel(key, value)
                : client.apps().statefulSets().inNamespace(ns).withLabel(key, value),
                handlers.statefulSets(), filter, sink, syncLimit));
        kinds.add(new ScopedInformer<>("replicasets", ns -> ns == null
                ? client.apps().replicaSets().inAnyNamespace().withLabel(key, value)
                : client.apps().replicaSets().inNamespace(ns).withLabel(key, value),
                handlers.replicaSets(), filter, sink, syncLimit));
        kinds.add(new ScopedInformer<>("controllerrevisions", ns -> ns == null
                ? client.apps().controllerRevisions().inAnyNamespace()
                : client.apps().controllerRevisions().inNamespace(ns), handlers.controllerRevisions(), filter, sink,
                syncLimit));
        kinds.add(new ScopedInformer<>("events", ns -> ns == null
                ? client.v1().events().inAnyNamespace()
                : client.v1().events().inNamespace(ns), handlers.events(), filter, sink, syncLimit));

        scope.namespaces().forEach(ns -> sink.accept(new NamespaceSeen(ns)));
        boolean oneByOne = scope.namespaceSelector() == null && !scope.namespaces().isEmpty();
        CompletableFuture<Void> namespacesKnown = scope.namespaceSelector() == null
                ? CompletableFuture.completedFuture(null) : watchNamespaces(filter, sink);
        return namespacesKnown.thenCompose(ignored -> CompletableFuture.allOf(kinds.stream()
                .map(k -> oneByOne ? k.startEach(filter.named()) : k.startClusterWide())
                .toArray(CompletableFuture[]::new)));
    }

    @Override
    public Connection connection() {
        if (namespaces != null && !namespaces.isWatching()) {
            return Connection.down("watch of namespaces is not watching");
        }
        for (ScopedInformer<?> kind : kinds) {
            Connection c = kind.connection();
            if (!c.live()) {
                return c;
            }
        }
        return Connection.up();
    }

    @Override
    public void close() {
        if (namespaces != null) {
            namespaces.stop();
        }
        kinds.forEach(ScopedInformer::close);
        client.close();
    }

    /** The labelled namespaces; completes once they are known (or found forbidden: then only the named ones count). */
    private CompletableFuture<Void> watchNamespaces(NamespaceFilter filter, Consumer<ClusterEvent> sink) {
        var selector = scope.namespaceSelector();
        return SyncedStart.start(() -> namespaceInformer(filter, sink), syncLimit, informer -> namespaces == informer,
                why -> sink.accept(new ClusterEvent.WatchFailed("watch of namespaces: " + why)))
                .handle((ok, error) -> {
                    if (error != null) {
                        SharedIndexInformer<Namespace> failed = namespaces;
                        if (failed != null) {
                            failed.stop();
                        }
                        namespaces = null;
                        sink.accept(new ScopeNarrowed("may not list namespaces labelled " + selector + " ("
                                + KubeErrors.describe(error) + "): watching only the namespaces the profile names"));
                    }
                    return null;
                });
    }

    /** A new informer on the labelled namespaces, kept as the current one; not started. */
    private SharedIndexInformer<Namespace> namespaceInformer(NamespaceFilter filter, Consumer<ClusterEvent> sink) {
        var selector = scope.namespaceSelector();
        SharedIndexInformer<Namespace> informer = client.namespaces().withLabel(selector.key(), selector.value())
                .runnableInformer(0);
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Namespace ns) {
                String name = ns.getMetadata().getName();
                if (filter.allow(name)) {
                    sink.accept(new NamespaceSeen(name));
                    kinds.forEach(k -> k.namespaceAdded(name));
                }
            }

            @Override
            public void onUpdate(Namespace oldNs, Namespace newNs) {
                onAdd(newNs);
            }

            @Override
            public void onDelete(Namespace ns, boolean deletedFinalStateUnknown) {
                String name = ns.getMetadata().getName();
                if (filter.disallow(name)) {
                    kinds.forEach(k -> k.namespaceRemoved(name));
                    sink.accept(new NamespaceGone(name));
                }
            }
        });
        informer.exceptionHandler((started, error) -> {
            if (!started && KubeErrors.isForbidden(error)) {
                return false;
            }
            sink.accept(new ClusterEvent.WatchFailed("watch of namespaces: " + KubeErrors.describe(error)));
            return true;
        });
        namespaces = informer;
        return informer;
    }
}
