package dev.pitwall.app;

import dev.pitwall.files.TrustPolicyFile;
import dev.pitwall.kube.KubeCanaryCluster;
import dev.pitwall.kube.KubeClients;
import dev.pitwall.kube.KubeRollbackCluster;
import dev.pitwall.kube.KubeletVolumeStats;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.canary.CanaryEngine;
import dev.pitwall.ops.canary.CanarySession;
import dev.pitwall.ops.canary.ModePolicy;
import dev.pitwall.ops.guard.WriteGuard;
import dev.pitwall.ops.trust.PolicyLoad;
import dev.pitwall.platform.PlatformFlowRuns;
import dev.pitwall.platform.PlatformHttp;
import dev.pitwall.redis.BullWaitingDepth;
import dev.pitwall.redis.RedisClients;
import dev.pitwall.redis.RedisHeartbeats;
import io.fabric8.kubernetes.client.KubernetesClient;
import redis.clients.jedis.RedisClient;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** A canary engine on a profile: one Kubernetes client, Redis and the platform when the profile has them. */
final class CanarySessions {

    private CanarySessions() {
    }

    /**
     * @throws Launcher.NoProfileException when the profile has no Kubernetes
     * @throws IllegalArgumentException    when a back-end's settings are unusable
     */
    static CanarySession open(ConnectionProfile profile, Backends backends, WriteGuard guard, Clock clock,
                              String actor) {
        if (!profile.hasKubernetes()) {
            throw new Launcher.NoProfileException("canaries need Kubernetes: give --kubeconfig/--context, or a "
                    + "profile with them");
        }
        KubernetesClient kube = KubeClients.open(profile);
        RedisClient redis = null;
        try {
            redis = profile.hasRedis() ? RedisClients.open(profile, backends.secrets()) : null;
            RedisClient r = redis;
            PlatformFlowRuns runs = profile.hasPlatform()
                    ? new PlatformFlowRuns(PlatformHttp.forProfile(profile, backends.secrets())) : null;
            CanarySignalSources signals = new CanarySignalSources(runs, new KubeletVolumeStats(kube),
                    r == null ? null : new RedisHeartbeats(r),
                    r == null ? null : queue -> OptionalLong.of(new BullWaitingDepth(r, List.of(queue)).waiting()));
            CanaryEngine engine = new CanaryEngine(new KubeCanaryCluster(kube, workerLabels(profile)), new KubeRollbackCluster(kube),
                    backends.rollbackPlans(), signals, backends.canaryJournal(), modePolicy(profile), guard,
                    backends.auditLog(), actor, clock);
            return new CanarySession(engine, () -> {
                kube.close();
                if (r != null) {
                    r.close();
                }
            });
        } catch (RuntimeException e) {
            kube.close();
            if (redis != null) {
                redis.close();
            }
            throw e;
        }
    }

    /** The profile's worker selector as labels (the fleet's default when it names none). */
    private static java.util.Map<String, String> workerLabels(ConnectionProfile profile) {
        dev.pitwall.ops.connect.LabelSelector workers = dev.pitwall.ops.fleet.FleetScope.of(profile).workers();
        return java.util.Map.of(workers.key(), workers.value());
    }

    /** The profile's trust policy as the canary checks it; an unusable policy expects what it cannot say. */
    static ModePolicy modePolicy(ConnectionProfile profile) {
        if (profile.trustPolicy() == null || profile.trustPolicy().isBlank()) {
            return ModePolicy.NONE;
        }
        PolicyLoad load = new TrustPolicyFile().load(profile.trustPolicy());
        if (load.isInvalid()) {
            return (group, namespace) -> Optional.of(new ModePolicy.Expected("(unusable policy)", load.describe()));
        }
        return (group, namespace) -> load.policyOrEmpty().expectationFor(group, namespace)
                .map(e -> new ModePolicy.Expected(e.mode().name(), e.text()));
    }
}
