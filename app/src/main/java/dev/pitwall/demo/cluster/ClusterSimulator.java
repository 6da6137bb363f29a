package dev.pitwall.demo.cluster;

import dev.pitwall.demo.KubeMockCluster;
import dev.pitwall.demo.world.SimClock;
import dev.pitwall.demo.world.SimWorker;
import dev.pitwall.demo.world.Simulated;
import dev.pitwall.demo.world.WorkerRoster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Plays the parts of a Kubernetes cluster that fabric8's CRUD mock lacks, against that mock: the Deployment,
 * ReplicaSet and StatefulSet controllers, the scheduler, and the kubelets (pod lifecycle, cache volumes that fill at a
 * pace set by the image, crash loops, Events, and the kubelet stats summary of each node).
 *
 * <p>Use: construct it on a {@link KubeMockCluster} (it makes the API server stamp times from the simulation clock
 * and starts serving the nodes' stats summaries), call {@link #seedFleet()} once, add it to the
 * {@link dev.pitwall.demo.world.SimDriver}, and close it with the cluster. It acts only inside {@link #tick}: it keeps
 * the cluster in memory and writes only what changed; it reads workloads again only after another client has written
 * one, and pods only after another client has deleted some. The same seed and the same ticks give the same pod names,
 * addresses, timings and volume figures. {@link #workers()} may be called from any thread.
 */
public final class ClusterSimulator implements Simulated, WorkerRoster, AutoCloseable {

    private final SimClock clock;
    private final ClusterApi api;
    private final ExternalChanges changes = new ExternalChanges();
    private final Kubelet kubelet;
    private final EventRecorder events;
    private final WorkloadController.Context context;
    private final SplittableRandom samples;
    private final Map<Workload, WorkloadController> controllers = new TreeMap<>();
    private volatile ClusterSnapshot snapshot = ClusterSnapshot.EMPTY;

    public ClusterSimulator(KubeMockCluster cluster, SimClock clock, long seed) {
        this.clock = clock;
        SplittableRandom random = new SplittableRandom(seed);
        this.samples = random.split();
        cluster.useClock(clock::now);
        cluster.addRequestListener(changes);
        this.api = new ClusterApi(cluster.newClient(ClusterApi.USER_AGENT));
        NodePool nodes = new NodePool();
        this.events = new EventRecorder(api);
        this.kubelet = new Kubelet(api, events, nodes);
        this.context = new WorkloadController.Context(api, kubelet, events, new PodFactory(nodes), nodes, random);
        new KubeletStats(() -> snapshot, FleetSeeder.nodesBooted(clock.now())).serve(cluster.server(), nodes.names());
    }

    /**
     * Creates the demo fleet (nodes, namespaces, the shared StatefulSet and the dedicated Deployments with their
     * revision histories, running pods) as it stands at the clock's current time. Call once, before the first tick.
     */
    public void seedFleet() {
        Instant now = clock.now();
        controllers.putAll(new FleetSeeder(context, now).seed());
        controllers.values().forEach(controller -> controller.reportStatus(now));
        publish(now);
    }

    @Override
    public void tick(Instant now, Duration step) {
        if (changes.takeWorkloadChange()) {
            observeWorkloads(now);
        }
        for (String namespace : changes.takePodDeletions()) {
            observePodDeletions(namespace, now);
        }
        controllers.forEach((workload, controller) -> guarded(workload, () -> controller.reconcile(now)));
        kubelet.tick(now, step);
        controllers.forEach((workload, controller) -> guarded(workload, () -> controller.reportStatus(now)));
        events.expire(now);
        publish(now);
    }

    @Override
    public List<SimWorker> workers() {
        return snapshot.workers();
    }

    /** Someone created, changed or deleted a workload: every workload is read again (two list requests). */
    private void observeWorkloads(Instant now) {
        Map<Workload, HasMetadata> current = new TreeMap<>();
        for (Deployment deployment : api.listAll(Deployment.class)) {
            current.put(workloadOf(Workload.DEPLOYMENT, deployment), deployment);
        }
        for (StatefulSet set : api.listAll(StatefulSet.class)) {
            current.put(workloadOf(Workload.STATEFUL_SET, set), set);
        }
        current.forEach((workload, object) -> controllers.computeIfAbsent(workload, w -> newController(object))
                .observe(object));
        for (Workload gone : new ArrayList<>(controllers.keySet())) {
            if (!current.containsKey(gone)) {
                guarded(gone, () -> controllers.remove(gone).deleted(now));
            }
        }
    }

    /** Someone deleted pods in {@code namespace}: marked ones are stopped, vanished ones are forgotten. */
    private void observePodDeletions(String namespace, Instant now) {
        Map<String, Pod> present = api.list(Pod.class, namespace).stream()
                .collect(Collectors.toMap(pod -> pod.getMetadata().getName(), Function.identity()));
        for (SimPod pod : new ArrayList<>(kubelet.pods())) {
            if (!pod.namespace().equals(namespace)) {
                continue;
            }
            Pod stored = present.get(pod.name());
            if (stored == null) {
                kubelet.vanished(pod);
            } else if (stored.getMetadata().getDeletionTimestamp() != null) {
                kubelet.terminate(pod, now, true);
            }
        }
    }

    private WorkloadController newController(HasMetadata object) {
        return object instanceof Deployment deployment ? new DeploymentController(context, deployment)
                : new StatefulSetController(context, (StatefulSet) object);
    }

    private static Workload workloadOf(String kind, HasMetadata object) {
        return new Workload(kind, object.getMetadata().getNamespace(), object.getMetadata().getName());
    }

    /** One broken workload (a template the simulator cannot run, say) must not stop the rest of the world. */
    private static void guarded(Workload workload, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            System.err.println("cluster simulator: " + workload.kind() + " " + workload.namespace() + "/"
                    + workload.name() + ": " + e);
        }
    }

    private void publish(Instant now) {
        snapshot = ClusterSnapshot.of(now, kubelet.pods(), samples);
    }

    @Override
    public void close() {
        api.close();
    }
}
