package dev.pitwall.demo.cluster;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One pod as its kubelet knows it: where it runs, which stage its container is in, its restarts and its cache volume;
 * and how that looks as a Pod status. The {@link Kubelet} moves it from stage to stage.
 */
final class SimPod {

    enum Stage {
        /** Created and bound to a node; no sandbox yet. */
        PENDING,
        /** Sandbox up (it has an IP); the image is being pulled. */
        PULLING,
        /** The container runs (ready once its start-up delay has passed). */
        RUNNING,
        /** The container crashed and waits out kubelet's back-off (CrashLoopBackOff). */
        BACK_OFF,
        /** Deleted: the container is stopping. */
        TERMINATING,
        /** Gone from the API. */
        GONE
    }

    private final Pod pod;
    private final Instant created;
    private final String hostIp;
    private final Workload owner;
    private final String revision;
    private final SplittableRandom random;
    private final CacheVolume cache;
    private final CrashBackoff backoff = new CrashBackoff();

    private Stage stage = Stage.PENDING;
    private Instant stageEnds;
    private String podIp;
    private Instant sandboxAt;
    private Instant startedAt;
    private Instant readyAt;
    private boolean ready;
    private Instant readyChangedAt;
    private boolean everStarted;
    private int restarts;
    private ContainerStateTerminated lastTermination;
    private String containerId;
    private boolean statusChanged;

    /**
     * @param pod      the pod as created (metadata and spec; its status is rendered here)
     * @param hostIp   the address of its node
     * @param revision the hash of the template revision it runs
     * @param cache    its cache volume, or null when it has none
     */
    SimPod(Pod pod, String hostIp, Workload owner, String revision, CacheVolume cache, SplittableRandom random) {
        this.pod = pod;
        this.created = Instant.parse(pod.getMetadata().getCreationTimestamp());
        this.hostIp = hostIp;
        this.owner = owner;
        this.revision = revision;
        this.cache = cache;
        this.random = random;
        this.readyChangedAt = created();
    }

    // --- stage changes, made by the kubelet -------------------------------------------------------------------

    void sandboxReady(Instant now, String ip) {
        podIp = ip;
        sandboxAt = now;
        stage = Stage.PULLING;
        statusChanged = true;
    }

    void pullUntil(Instant done) {
        stageEnds = done;
    }

    void containerStarted(Instant now, Instant readyAfter, boolean restart) {
        if (restart) {
            restarts++;
        }
        stage = Stage.RUNNING;
        startedAt = now;
        readyAt = readyAfter;
        everStarted = true;
        containerId = "containerd://" + Names.hex(random, 64);
        setReady(false, now);
        statusChanged = true;
    }

    void becameReady(Instant now) {
        setReady(true, now);
        statusChanged = true;
    }

    void crashed(Instant now, ContainerStateTerminated termination, Instant restartAt) {
        lastTermination = termination;
        stage = Stage.BACK_OFF;
        stageEnds = restartAt;
        setReady(false, now);
        statusChanged = true;
    }

    void terminating(Instant now, Instant goneAt) {
        stage = Stage.TERMINATING;
        stageEnds = goneAt;
        setReady(false, now);
        statusChanged = true;
    }

    void gone() {
        stage = Stage.GONE;
    }

    /** Seeds a pod that has been running and ready since {@code startedAt}. */
    void runningSince(Instant since, String ip) {
        podIp = ip;
        sandboxAt = since;
        containerStarted(since, since, false);
        setReady(true, since);
        if (cache != null) {
            cache.seedUsage();
        }
    }

    private void setReady(boolean value, Instant now) {
        if (ready != value) {
            ready = value;
            readyChangedAt = now;
        }
    }

    /** True once after each change of what the Pod status shows. */
    boolean takeStatusChange() {
        boolean changed = statusChanged;
        statusChanged = false;
        return changed;
    }

    // --- what the pod is ----------------------------------------------------------------------------------------

    Pod object() {
        pod.setStatus(status());
        return pod;
    }

    PodSpec spec() {
        return pod.getSpec();
    }

    String namespace() {
        return pod.getMetadata().getNamespace();
    }

    String name() {
        return pod.getMetadata().getName();
    }

    String uid() {
        return pod.getMetadata().getUid();
    }

    void assignedUid(String uid) {
        pod.getMetadata().setUid(uid);
    }

    String node() {
        return pod.getSpec().getNodeName();
    }

    Instant created() {
        return created;
    }

    Workload owner() {
        return owner;
    }

    String revision() {
        return revision;
    }

    Stage stage() {
        return stage;
    }

    Instant stageEnds() {
        return stageEnds;
    }

    Instant readyAt() {
        return readyAt;
    }

    Instant startedAt() {
        return startedAt;
    }

    boolean isReady() {
        return ready;
    }

    /** Counts toward the workload: not terminating and not gone. */
    boolean isActive() {
        return stage != Stage.TERMINATING && stage != Stage.GONE;
    }

    /** Running and ready, and not on its way out: what controllers call available. */
    boolean isHealthy() {
        return ready && isActive();
    }

    String podIp() {
        return podIp;
    }

    int restarts() {
        return restarts;
    }

    CacheVolume cache() {
        return cache;
    }

    SplittableRandom random() {
        return random;
    }

    CrashBackoff backoff() {
        return backoff;
    }

    boolean isWorker(String labelKey, String labelValue) {
        return labelValue.equals(pod.getMetadata().getLabels().get(labelKey));
    }

    Container container() {
        return pod.getSpec().getContainers().get(0);
    }

    String image() {
        return container().getImage();
    }

    /** The value of an environment variable of the worker container, as written (null when absent or indirect). */
    String env(String name) {
        for (EnvVar var : container().getEnv()) {
            if (var.getName().equals(name)) {
                return var.getValue();
            }
        }
        return null;
    }

    ObjectReference reference(String fieldPath) {
        return new ObjectReferenceBuilder().withApiVersion("v1").withKind("Pod").withNamespace(namespace())
                .withName(name()).withUid(uid()).withFieldPath(fieldPath).build();
    }

    // --- the status as the kubelet reports it -------------------------------------------------------------------

    PodStatus status() {
        boolean pending = stage == Stage.PENDING || stage == Stage.PULLING;
        PodStatusBuilder status = new PodStatusBuilder()
                .withPhase(pending ? "Pending" : "Running")
                .withConditions(conditions())
                .withHostIP(hostIp).addNewHostIP(hostIp)
                .withStartTime(created().toString())
                .withQosClass("Burstable");
        if (podIp != null) {
            status.withPodIP(podIp).addNewPodIP(podIp);
        }
        List<ContainerStatus> containers = new ArrayList<>();
        for (Container container : pod.getSpec().getContainers()) {
            containers.add(containerStatus(container));
        }
        return status.withContainerStatuses(containers).build();
    }

    private List<PodCondition> conditions() {
        String created = created().toString();
        String readyStatus = ready ? "True" : "False";
        List<PodCondition> conditions = new ArrayList<>();
        conditions.add(condition("PodReadyToStartContainers", podIp != null ? "True" : "False",
                sandboxAt != null ? sandboxAt.toString() : created, null));
        conditions.add(condition("Initialized", "True", created, null));
        conditions.add(condition("Ready", readyStatus, readyChangedAt.toString(), ready ? null : "ContainersNotReady"));
        conditions.add(condition("ContainersReady", readyStatus, readyChangedAt.toString(),
                ready ? null : "ContainersNotReady"));
        conditions.add(condition("PodScheduled", "True", created, null));
        return conditions;
    }

    private PodCondition condition(String type, String status, String since, String reason) {
        PodConditionBuilder condition = new PodConditionBuilder().withType(type).withStatus(status)
                .withLastTransitionTime(since);
        if (reason != null) {
            condition.withReason(reason).withMessage("containers with unready status: [" + container().getName() + "]");
        }
        return condition.build();
    }

    private ContainerStatus containerStatus(Container container) {
        ContainerStatusBuilder status = new ContainerStatusBuilder().withName(container.getName())
                .withImage(container.getImage()).withReady(ready).withRestartCount(restarts)
                .withStarted(stage == Stage.RUNNING || (stage == Stage.TERMINATING && everStarted))
                .withState(state(container));
        if (everStarted) {
            status.withContainerID(containerId).withImageID(imageId(container.getImage()));
        }
        if (lastTermination != null) {
            status.withNewLastState().withTerminated(lastTermination).endLastState();
        }
        return status.build();
    }

    private ContainerState state(Container container) {
        return switch (stage) {
            case PENDING, PULLING -> new ContainerStateBuilder().withNewWaiting().withReason("ContainerCreating")
                    .endWaiting().build();
            case BACK_OFF -> new ContainerStateBuilder().withNewWaiting().withReason("CrashLoopBackOff")
                    .withMessage("back-off " + backoffSeconds() + "s restarting failed container="
                            + container.getName() + " pod=" + name() + "_" + namespace() + "(" + uid() + ")")
                    .endWaiting().build();
            case RUNNING, TERMINATING, GONE -> everStarted
                    ? new ContainerStateBuilder().withNewRunning().withStartedAt(startedAt.toString()).endRunning()
                    .build()
                    : new ContainerStateBuilder().withNewWaiting().withReason("ContainerCreating").endWaiting().build();
        };
    }

    private long backoffSeconds() {
        return lastTermination == null ? 0
                : stageEnds.getEpochSecond() - Instant.parse(lastTermination.getFinishedAt()).getEpochSecond();
    }

    /** The digest an image would have: stable per image reference. */
    static String imageId(String image) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(image.getBytes(StandardCharsets.UTF_8));
            int tag = image.lastIndexOf(':');
            String repository = tag > image.lastIndexOf('/') ? image.substring(0, tag) : image;
            return repository + "@sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
