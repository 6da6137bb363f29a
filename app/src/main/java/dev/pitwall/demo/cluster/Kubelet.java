package dev.pitwall.demo.cluster;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateTerminatedBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The kubelets of all nodes: they start the pods the controllers create (sandbox, image pull, container start,
 * readiness), grow their cache volumes, crash a container whose cache is full and restart it after kubelet's back-off,
 * stop deleted pods, and report each change of a pod's status to the API server with the Events a kubelet records.
 */
final class Kubelet {

    private static final String COMPONENT = "kubelet";
    private static final List<String> PIECES = List.of("slack", "google-sheets", "openai", "gmail", "hubspot",
            "notion", "http", "airtable", "stripe", "shopify");

    private final ClusterApi api;
    private final EventRecorder events;
    private final NodePool nodes;
    private final Map<String, SimPod> pods = new TreeMap<>();

    Kubelet(ClusterApi api, EventRecorder events, NodePool nodes) {
        this.api = api;
        this.events = events;
        this.nodes = nodes;
    }

    /** Every pod that exists, in namespace and name order. */
    Collection<SimPod> pods() {
        return pods.values();
    }

    /** Creates a pod a controller made (it is Pending, bound to its node). */
    void launch(SimPod pod, Instant now) {
        register(pod, api.create(pod.object()));
        events.record(now, pod.reference(null), "Normal", "Scheduled", "Successfully assigned " + pod.namespace()
                + "/" + pod.name() + " to " + pod.node(), "default-scheduler", null);
    }

    /** Creates a pod of the seeded fleet, running and ready since {@code since}. */
    void seed(SimPod pod, Instant since) {
        pod.runningSince(since, nodes.assignIp(pod.node()));
        register(pod, api.create(pod.object()));
        pod.takeStatusChange();
    }

    private void register(SimPod pod, Pod created) {
        pod.assignedUid(created.getMetadata().getUid());
        pods.put(key(pod.namespace(), pod.name()), pod);
    }

    SimPod find(String namespace, String name) {
        return pods.get(key(namespace, name));
    }

    /** Deletes the pod (it turns Terminating) and stops its container; {@code marked}: someone else deleted it. */
    void terminate(SimPod pod, Instant now, boolean marked) {
        if (!pod.isActive()) {
            return;
        }
        if (!marked) {
            api.delete(identity(pod));
        }
        events.record(now, pod.reference(containerPath(pod)), "Normal", "Killing",
                "Stopping container " + pod.container().getName(), COMPONENT, pod.node());
        pod.terminating(now, now.plusSeconds(3 + pod.random().nextInt(10)));
    }

    /** The pod was removed from the API by someone else (a forced deletion): it is gone at once. */
    void vanished(SimPod pod) {
        pods.remove(key(pod.namespace(), pod.name()));
        release(pod);
    }

    /** Moves every pod on by {@code step} and reports the statuses that changed. */
    void tick(Instant now, Duration step) {
        for (Iterator<SimPod> it = pods.values().iterator(); it.hasNext(); ) {
            SimPod pod = it.next();
            advance(pod, now, step);
            if (pod.stage() != SimPod.Stage.GONE && pod.takeStatusChange()
                    && !api.replaceStatus(identity(pod), pod.status())) {
                release(pod); // deleted behind our back
            }
            if (pod.stage() == SimPod.Stage.GONE) {
                it.remove();
            }
        }
    }

    private void advance(SimPod pod, Instant now, Duration step) {
        boolean due = pod.stageEnds() != null && !now.isBefore(pod.stageEnds());
        switch (pod.stage()) {
            case PENDING -> startSandbox(pod, now);
            case PULLING -> {
                if (due) {
                    nodes.pulled(pod.node(), pod.image());
                    long millis = Duration.between(pod.created(), now).toMillis();
                    record(pod, now, "Normal", "Pulled", "Successfully pulled image \"" + pod.image() + "\" in "
                            + seconds(millis) + " (" + seconds(millis) + " including waiting). Image size: "
                            + (280_000_000 + pod.random().nextInt(40_000_000)) + " bytes.");
                    startContainer(pod, now, false);
                }
            }
            case RUNNING -> run(pod, now, step);
            case BACK_OFF -> {
                if (due) {
                    record(pod, now, "Normal", "Pulled", alreadyPresent(pod));
                    startContainer(pod, now, true);
                }
            }
            case TERMINATING -> {
                if (due) {
                    api.removeFinalizers(identity(pod));
                    release(pod);
                }
            }
            case GONE -> {
            }
        }
    }

    private void startSandbox(SimPod pod, Instant now) {
        pod.sandboxReady(now, nodes.assignIp(pod.node()));
        if (nodes.hasImage(pod.node(), pod.image())) {
            record(pod, now, "Normal", "Pulled", alreadyPresent(pod));
            startContainer(pod, now, false);
        } else {
            record(pod, now, "Normal", "Pulling", "Pulling image \"" + pod.image() + "\"");
            pod.pullUntil(now.plusSeconds(8 + pod.random().nextInt(18)));
        }
    }

    private void startContainer(SimPod pod, Instant now, boolean restart) {
        String container = pod.container().getName();
        record(pod, now, "Normal", "Created", "Created container: " + container);
        record(pod, now, "Normal", "Started", "Started container " + container);
        // the worker is ready once it has connected to the app and polled for its first job
        pod.containerStarted(now, now.plusSeconds(2 + pod.random().nextInt(7)), restart);
        if (pod.cache() != null) {
            pod.cache().cleanAtStart(restart);
        }
    }

    private void run(SimPod pod, Instant now, Duration step) {
        if (!pod.isReady() && !now.isBefore(pod.readyAt())) {
            pod.becameReady(now);
        }
        CacheVolume cache = pod.cache();
        if (cache == null) {
            return;
        }
        cache.grow(step);
        if (cache.isFull()) {
            crash(pod, now, cache);
        }
    }

    private void crash(SimPod pod, Instant now, CacheVolume cache) {
        String path = "/usr/src/app/cache/common/pieces/@activepieces/piece-"
                + PIECES.get(pod.random().nextInt(PIECES.size())) + "/node_modules";
        ContainerStateTerminated termination = new ContainerStateTerminatedBuilder().withExitCode(1)
                .withReason("Error").withStartedAt(pod.startedAt().toString()).withFinishedAt(now.toString())
                .withMessage("Error: ENOSPC: no space left on device, mkdir '" + path + "'")
                .build();
        String claim = cache.claimName() == null ? "" : " (claim " + cache.claimName() + ")";
        events.record(now, pod.reference(null), "Warning", "VolumeFull", "Volume \"" + CacheVolume.NAME + "\""
                + claim + " is full: " + cache.used() + " of " + cache.capacity() + " bytes used", COMPONENT,
                pod.node());
        record(pod, now, "Warning", "BackOff", "Back-off restarting failed container " + pod.container().getName()
                + " in pod " + pod.name() + "_" + pod.namespace() + "(" + pod.uid() + ")");
        pod.crashed(now, termination, now.plus(pod.backoff().next(now)));
    }

    private void release(SimPod pod) {
        if (pod.stage() != SimPod.Stage.GONE) {
            nodes.release(pod.node(), pod.podIp());
            pod.gone();
        }
    }

    private void record(SimPod pod, Instant now, String type, String reason, String message) {
        events.record(now, pod.reference(containerPath(pod)), type, reason, message, COMPONENT, pod.node());
    }

    private static String alreadyPresent(SimPod pod) {
        return "Container image \"" + pod.image() + "\" already present on machine";
    }

    private static String containerPath(SimPod pod) {
        return "spec.containers{" + pod.container().getName() + "}";
    }

    private static String seconds(long millis) {
        return millis / 1000 + "." + String.format("%03d", millis % 1000) + "s";
    }

    /** Just enough of the pod to address it in a request. */
    private static Pod identity(SimPod pod) {
        return new PodBuilder().withNewMetadata().withNamespace(pod.namespace()).withName(pod.name()).endMetadata()
                .build();
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }
}
