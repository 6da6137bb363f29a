package dev.pitwall.kube;

import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.connect.LabelSelector;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where a profile's worker workloads are: its listed namespaces (asked one by one) or all namespaces, narrowed by the
 * namespace selector, and the worker label that workloads, their pods and their revisions carry (pod-template labels
 * are copied to pods, ReplicaSets and ControllerRevisions).
 */
final class TrustScope {

    private final LabelSelector worker;
    private final List<String> namespaces;
    private final LabelSelector namespaceSelector;

    TrustScope(LabelSelector worker, List<String> namespaces, LabelSelector namespaceSelector) {
        this.worker = worker;
        this.namespaces = List.copyOf(namespaces);
        this.namespaceSelector = namespaceSelector;
    }

    static TrustScope of(ConnectionProfile profile) {
        return new TrustScope(selector(profile.workerSelector()), profile.namespaces(),
                selector(profile.namespaceSelector()));
    }

    private static LabelSelector selector(String text) {
        return text == null || text.isBlank() ? null : LabelSelector.parse(text);
    }

    /** Without a worker label, workloads are recognised by their Activepieces variables instead. */
    boolean hasWorkerLabel() {
        return worker != null;
    }

    LabelSelector namespaceSelector() {
        return namespaceSelector;
    }

    /** Whether {@code namespace} is watched, given the namespaces the selector picks (null without a selector). */
    boolean watches(String namespace, Set<String> selected) {
        if (namespaceSelector == null) {
            return namespaces.isEmpty() || namespaces.contains(namespace);
        }
        return namespaces.contains(namespace) || selected.contains(namespace);
    }

    /** The operations that read one kind of object in scope: one per listed namespace, or one for all of them. */
    <T extends HasMetadata, L, R extends Resource<T>> List<FilterWatchListDeletable<T, L, R>> targets(
            MixedOperation<T, L, R> op) {
        List<FilterWatchListDeletable<T, L, R>> out = new ArrayList<>();
        if (!namespaces.isEmpty() && namespaceSelector == null) {
            namespaces.forEach(ns -> out.add(labelled(op.inNamespace(ns))));
        } else {
            out.add(labelled(op.inAnyNamespace()));
        }
        return out;
    }

    private <T, L, R> FilterWatchListDeletable<T, L, R> labelled(FilterWatchListDeletable<T, L, R> op) {
        return worker == null ? op : op.withLabel(worker.key(), worker.value());
    }
}
