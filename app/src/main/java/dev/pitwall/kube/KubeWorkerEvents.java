package dev.pitwall.kube;

import dev.pitwall.model.KubeEvent;
import dev.pitwall.ops.rollback.WorkloadRef;
import dev.pitwall.ops.timeline.KubeEventTimeline;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The Events of the worker workloads: listed in each workload's namespace and kept when they are about the workload
 * itself or an object it owns by name (its ReplicaSets, ControllerRevisions and pods are named after it).
 */
public final class KubeWorkerEvents implements KubeEventTimeline.WorkerEvents {

    private final KubernetesClient client;
    private final Supplier<List<WorkloadRef>> workloads;

    public KubeWorkerEvents(KubernetesClient client, Supplier<List<WorkloadRef>> workloads) {
        this.client = client;
        this.workloads = workloads;
    }

    @Override
    public List<KubeEvent> list() {
        Map<String, List<String>> names = workloads.get().stream().collect(Collectors.groupingBy(
                WorkloadRef::namespace, Collectors.mapping(WorkloadRef::name, Collectors.toList())));
        List<KubeEvent> out = new ArrayList<>();
        names.forEach((namespace, workloadNames) -> {
            for (Event e : client.v1().events().inNamespace(namespace).list().getItems()) {
                KubeEvent event = KubeObjects.event(e);
                if (workloadNames.stream().anyMatch(w -> event.objectName().equals(w)
                        || event.objectName().startsWith(w + "-"))) {
                    out.add(event);
                }
            }
        });
        return out;
    }
}
