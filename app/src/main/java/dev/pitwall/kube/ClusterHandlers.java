package dev.pitwall.kube;

import dev.pitwall.ops.fleet.ClusterEvent;
import dev.pitwall.ops.fleet.ClusterEvent.EventSeen;
import dev.pitwall.ops.fleet.ClusterEvent.PodChanged;
import dev.pitwall.ops.fleet.ClusterEvent.PodDeleted;
import dev.pitwall.ops.fleet.ClusterEvent.RevisionChanged;
import dev.pitwall.ops.fleet.ClusterEvent.RevisionDeleted;
import dev.pitwall.ops.fleet.ClusterEvent.WorkloadChanged;
import dev.pitwall.ops.fleet.ClusterEvent.WorkloadDeleted;
import dev.pitwall.ops.fleet.FleetScope;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;

import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The informers' event handlers: each turns an added, updated or deleted object into a {@link ClusterEvent} for the
 * fleet, dropping objects outside the watched namespaces. Public so that a benchmark can feed a recorded event stream
 * through exactly the path the informers use.
 */
public final class ClusterHandlers {

    private static final Set<String> EVENT_KINDS = Set.of("Pod", "Deployment", "StatefulSet", "ReplicaSet");

    private final NamespaceFilter filter;
    private final Consumer<ClusterEvent> sink;
    private final ResourceEventHandler<Pod> pods;
    private final ResourceEventHandler<Deployment> deployments;
    private final ResourceEventHandler<StatefulSet> statefulSets;
    private final ResourceEventHandler<ReplicaSet> replicaSets;
    private final ResourceEventHandler<ControllerRevision> controllerRevisions;
    private final ResourceEventHandler<Event> events;

    /** Handlers for an unrestricted scope (every namespace). */
    public ClusterHandlers(Consumer<ClusterEvent> sink) {
        this(new NamespaceFilter(new FleetScope(FleetScope.DEFAULT_WORKERS, null, null)), sink);
    }

    ClusterHandlers(NamespaceFilter filter, Consumer<ClusterEvent> sink) {
        this.filter = filter;
        this.sink = sink;
        pods = new Forwarding<>(p -> true, p -> new PodChanged(PodStates.from(p)),
                p -> new PodDeleted(KubeObjects.namespaceOf(p.getMetadata()), p.getMetadata().getName()));
        deployments = new Forwarding<>(d -> true, d -> new WorkloadChanged(KubeObjects.deployment(d)),
                d -> new WorkloadDeleted("Deployment", KubeObjects.namespaceOf(d.getMetadata()),
                        d.getMetadata().getName()));
        statefulSets = new Forwarding<>(s -> true, s -> new WorkloadChanged(KubeObjects.statefulSet(s)),
                s -> new WorkloadDeleted("StatefulSet", KubeObjects.namespaceOf(s.getMetadata()),
                        s.getMetadata().getName()));
        replicaSets = new Forwarding<>(r -> true, r -> new RevisionChanged(KubeObjects.replicaSet(r)),
                r -> new RevisionDeleted(KubeObjects.namespaceOf(r.getMetadata()), r.getMetadata().getName()));
        controllerRevisions = new Forwarding<>(ClusterHandlers::ownedByStatefulSet,
                c -> new RevisionChanged(KubeObjects.controllerRevision(c)),
                c -> new RevisionDeleted(KubeObjects.namespaceOf(c.getMetadata()), c.getMetadata().getName()));
        events = new Forwarding<>(e -> e.getInvolvedObject() != null
                && EVENT_KINDS.contains(e.getInvolvedObject().getKind()),
                e -> new EventSeen(KubeObjects.event(e)), e -> null);
    }

    public ResourceEventHandler<Pod> pods() {
        return pods;
    }

    public ResourceEventHandler<Deployment> deployments() {
        return deployments;
    }

    public ResourceEventHandler<StatefulSet> statefulSets() {
        return statefulSets;
    }

    public ResourceEventHandler<ReplicaSet> replicaSets() {
        return replicaSets;
    }

    public ResourceEventHandler<ControllerRevision> controllerRevisions() {
        return controllerRevisions;
    }

    public ResourceEventHandler<Event> events() {
        return events;
    }

    private static boolean ownedByStatefulSet(ControllerRevision c) {
        var owner = KubeObjects.controller(c.getMetadata());
        return owner != null && "StatefulSet".equals(owner.getKind());
    }

    /** One kind's handler: filter, convert, forward. A deleted Event is simply forgotten later (null). */
    private final class Forwarding<T extends HasMetadata> implements ResourceEventHandler<T> {

        private final Predicate<T> wanted;
        private final Function<T, ClusterEvent> changed;
        private final Function<T, ClusterEvent> deleted;

        Forwarding(Predicate<T> wanted, Function<T, ClusterEvent> changed, Function<T, ClusterEvent> deleted) {
            this.wanted = wanted;
            this.changed = changed;
            this.deleted = deleted;
        }

        @Override
        public void onAdd(T obj) {
            forward(obj, changed);
        }

        @Override
        public void onUpdate(T oldObj, T newObj) {
            forward(newObj, changed);
        }

        @Override
        public void onDelete(T obj, boolean deletedFinalStateUnknown) {
            forward(obj, deleted);
        }

        private void forward(T obj, Function<T, ClusterEvent> convert) {
            if (obj.getMetadata() == null || obj.getMetadata().getName() == null
                    || !filter.accepts(KubeObjects.namespaceOf(obj.getMetadata())) || !wanted.test(obj)) {
                return;
            }
            ClusterEvent event = convert.apply(obj);
            if (event != null) {
                sink.accept(event);
            }
        }
    }
}
