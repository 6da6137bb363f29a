package dev.pitwall.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One worker pod, as the Fleet view shows it: what Kubernetes says about the pod, what its heartbeat says, and what
 * its kubelet says about its cache volume. A value that cannot be known is null, and {@link #unknowns()} says why
 * (field name to reason), so that a row never shows a guess.
 *
 * @param group         "shared", or the dedicated worker group id (AP_WORKER_GROUP_ID)
 * @param phase         the pod phase (Pending, Running, Succeeded, Failed, Unknown)
 * @param waitingReason why the worker container waits, e.g. CrashLoopBackOff
 * @param revision      the workload revision the pod belongs to
 * @param executionMode from the heartbeat when there is one, else from the pod's env
 * @param version       the worker version: from the heartbeat, else the image tag
 * @param heartbeatAt   when the worker last reported (wall clock)
 */
public record Worker(
        String namespace,
        String pod,
        String workload,
        String group,
        String node,
        String ip,
        String phase,
        Boolean ready,
        Integer restarts,
        String lastTerminationReason,
        String waitingReason,
        String image,
        String imageTag,
        Long revision,
        ModeReading executionMode,
        String version,
        Instant heartbeatAt,
        Double cpuPercent,
        Double ramPercent,
        Integer sandboxesBusy,
        Integer sandboxesTotal,
        VolumeReading volume,
        Map<String, String> unknowns) {

    /** A worker whose heartbeat is older than this is offline (Activepieces' own rule). */
    public static final Duration OFFLINE_AFTER = Duration.ofSeconds(60);

    /** Field names used as keys of {@link #unknowns()}. */
    public static final String WORKLOAD = "workload";
    public static final String GROUP = "group";
    public static final String PHASE = "phase";
    public static final String READY = "ready";
    public static final String RESTARTS = "restarts";
    public static final String NODE = "node";
    public static final String IMAGE = "image";
    public static final String REVISION = "revision";
    public static final String EXECUTION_MODE = "executionMode";
    public static final String HEARTBEAT = "heartbeat";
    public static final String VOLUME = "volume";
    public static final String FORECAST = "forecast";

    public Worker {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(pod, "pod");
        // kept in the order the reasons were found: the row's own order of fields
        unknowns = unknowns == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(unknowns));
    }

    /** "namespace/pod": unique in a cluster. */
    public String key() {
        return key(namespace, pod);
    }

    public static String key(String namespace, String pod) {
        return namespace + "/" + pod;
    }

    /** Time since the last heartbeat, or null when there is none. */
    public Duration heartbeatAge(Instant now) {
        if (heartbeatAt == null) {
            return null;
        }
        Duration age = Duration.between(heartbeatAt, now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    /** True when a heartbeat exists and is older than {@link #OFFLINE_AFTER}. */
    public boolean isOffline(Instant now) {
        Duration age = heartbeatAge(now);
        return age != null && age.compareTo(OFFLINE_AFTER) > 0;
    }

    /** Why {@code field} is unknown, or null when it is known. */
    public String unknown(String field) {
        return unknowns.get(field);
    }
}
