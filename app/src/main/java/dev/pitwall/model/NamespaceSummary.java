package dev.pitwall.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One namespace of the fleet, as the Namespaces view shows it.
 *
 * @param access             whether its objects can be watched
 * @param accessReason       why not, for FORBIDDEN
 * @param groups             the worker groups of its workers: "shared" and/or dedicated group ids
 * @param worstVolume        the fullest cache volume, or null when none is known
 * @param worstVolumePod     the pod of that volume
 * @param executionModes     the execution modes its workers run (as displayed: canonical name or verbatim text)
 * @param failedRunsLastHour from the platform, or null with {@code failedRunsUnknown} saying why
 * @param recentEvents       the latest Events about its worker pods and workloads, newest first
 */
public record NamespaceSummary(
        String name,
        Access access,
        String accessReason,
        Set<String> groups,
        List<WorkloadReadiness> workloads,
        VolumeReading worstVolume,
        String worstVolumePod,
        Set<String> executionModes,
        Long failedRunsLastHour,
        String failedRunsUnknown,
        List<KubeEvent> recentEvents,
        int workerCount) {

    public enum Access { LIVE, FORBIDDEN }

    public NamespaceSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(access, "access");
        groups = Set.copyOf(groups);
        workloads = List.copyOf(workloads);
        executionModes = Set.copyOf(executionModes);
        recentEvents = List.copyOf(recentEvents);
    }

    /** True when any worker here belongs to a dedicated group. */
    public boolean isDedicated() {
        return groups.stream().anyMatch(g -> !g.equals(SHARED));
    }

    /** The group name of workers without AP_WORKER_GROUP_ID. */
    public static final String SHARED = "shared";

    /** A Deployment or StatefulSet of workers with its ready and desired replicas. */
    public record WorkloadReadiness(String kind, String name, int ready, int desired) {
    }
}
