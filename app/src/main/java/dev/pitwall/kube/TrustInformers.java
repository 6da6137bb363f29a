package dev.pitwall.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Informers on everything trust reads in a scope (workloads, pods, ReplicaSets, ControllerRevisions, and the
 * selected namespaces), so that the screen reads caches kept current by watches instead of listing periodically.
 */
final class TrustInformers implements AutoCloseable {

    private final List<SharedIndexInformer<Deployment>> deployments;
    private final List<SharedIndexInformer<StatefulSet>> statefulSets;
    private final List<SharedIndexInformer<Pod>> pods;
    private final List<SharedIndexInformer<ReplicaSet>> replicaSets;
    private final List<SharedIndexInformer<ControllerRevision>> controllerRevisions;
    private final SharedIndexInformer<Namespace> namespaces;
    private final List<SharedIndexInformer<?>> all = new ArrayList<>();

    private TrustInformers(KubernetesClient client, TrustScope scope, Runnable changed) {
        ResourceEventHandler<HasMetadata> handler = handler(changed);
        try {
            deployments = inform(client.apps().deployments(), scope, handler);
            statefulSets = inform(client.apps().statefulSets(), scope, handler);
            pods = inform(client.pods(), scope, handler);
            replicaSets = inform(client.apps().replicaSets(), scope, handler);
            controllerRevisions = inform(client.apps().controllerRevisions(), scope, handler);
            namespaces = scope.namespaceSelector() == null ? null : client.namespaces()
                    .withLabel(scope.namespaceSelector().key(), scope.namespaceSelector().value())
                    .inform(handler, 0);
        } catch (RuntimeException e) {
            close(); // the informers started before the failure must not keep watching
            throw e;
        }
        if (namespaces != null) {
            all.add(namespaces);
        }
    }

    private static ResourceEventHandler<HasMetadata> handler(Runnable changed) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(HasMetadata obj) {
                changed.run();
            }

            @Override
            public void onUpdate(HasMetadata oldObj, HasMetadata newObj) {
                changed.run();
            }

            @Override
            public void onDelete(HasMetadata obj, boolean deletedFinalStateUnknown) {
                changed.run();
            }
        };
    }

    /** Starts the informers; returns once each has its first listing. */
    static TrustInformers start(KubernetesClient client, TrustScope scope, Runnable changed) {
        return new TrustInformers(client, scope, changed);
    }

    private <T extends HasMetadata, L, R extends Resource<T>> List<SharedIndexInformer<T>> inform(
            MixedOperation<T, L, R> op, TrustScope scope, ResourceEventHandler<? super T> handler) {
        List<SharedIndexInformer<T>> out = new ArrayList<>();
        try {
            scope.targets(op).forEach(t -> out.add(t.inform(handler, 0)));
        } finally {
            all.addAll(out);
        }
        return out;
    }

    ClusterObjects objects() {
        Set<String> selected = namespaces == null ? Set.of() : namespaces.getStore().list().stream()
                .map(n -> n.getMetadata().getName()).collect(Collectors.toSet());
        return new ClusterObjects(items(deployments), items(statefulSets), items(pods), items(replicaSets),
                items(controllerRevisions), selected);
    }

    private static <T> List<T> items(List<SharedIndexInformer<T>> informers) {
        List<T> out = new ArrayList<>();
        informers.forEach(i -> out.addAll(i.getStore().list()));
        return out;
    }

    @Override
    public void close() {
        all.forEach(SharedIndexInformer::close);
    }
}
