package dev.pitwall.app;

import dev.pitwall.files.TrustPolicyFile;
import dev.pitwall.kube.KubeClients;
import dev.pitwall.kube.TrustWorkloadPatcher;
import dev.pitwall.kube.TrustWorkloadReader;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.audit.AuditLog;
import dev.pitwall.ops.connect.SecretSource;
import dev.pitwall.ops.guard.WriteGuard;
import dev.pitwall.ops.replay.Pacer;
import dev.pitwall.ops.trust.TrustSession;
import dev.pitwall.platform.PlatformFlowRuns;
import dev.pitwall.platform.PlatformHttp;
import dev.pitwall.platform.PlatformWebhooks;
import dev.pitwall.redis.HeartbeatModes;
import dev.pitwall.redis.RedisClients;
import dev.pitwall.redis.RedisEndpoint;
import io.fabric8.kubernetes.client.KubernetesClient;
import redis.clients.jedis.RedisClient;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Composes trust for one profile: the cluster (required), heartbeats from Redis and smoke tests through the platform
 * (each optional, with the reason when absent), the audit log and the policy file. One place for the command line,
 * the screen and the end-to-end tests.
 */
public final class TrustSessions {

    static final String NO_REDIS = "this profile has no Redis: give --redis URL to read the heartbeats";
    static final String NO_PLATFORM = "this profile has no platform API: give --platform-url and --platform-key-env "
            + "to run smoke tests";

    /** A check answers "cannot be reached" within seconds; the screen's informers reconnect on their own. */
    static final int KUBE_RETRIES = 2;

    private TrustSessions() {
    }

    /**
     * @param policyOverride a policy file given on the command line (wins over the profile's), or null
     * @throws Launcher.NoProfileException when the profile has no Kubernetes
     * @throws IllegalArgumentException    when a back-end's settings are unusable (bad URL, unset secret)
     */
    public static TrustSession open(ConnectionProfile profile, String policyOverride, SecretSource secrets,
                                    AuditLog audit, WriteGuard guard, Clock clock) {
        if (!profile.hasKubernetes()) {
            throw new Launcher.NoProfileException("trust needs Kubernetes: give --kubeconfig/--context, or a "
                    + "profile with them");
        }
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            KubernetesClient kube = KubeClients.open(profile, KUBE_RETRIES);
            resources.add(kube);
            HeartbeatModes heartbeats = null;
            if (profile.hasRedis()) {
                RedisClient redis = RedisClients.open(profile, secrets);
                resources.add(redis);
                heartbeats = new HeartbeatModes(redis, RedisEndpoint.parse(profile.redisUrl()).toSafeUrl());
            }
            PlatformWebhooks trigger = null;
            PlatformFlowRuns runs = null;
            if (profile.hasPlatform()) {
                PlatformHttp http = PlatformHttp.forProfile(profile, secrets);
                trigger = new PlatformWebhooks(http);
                runs = new PlatformFlowRuns(http);
            }
            TrustSession.Ports ports = new TrustSession.Ports(new TrustWorkloadReader(kube, profile),
                    new TrustWorkloadPatcher(kube), heartbeats, NO_REDIS, trigger, runs, NO_PLATFORM);
            String policy = policyOverride != null ? policyOverride : profile.trustPolicy();
            return new TrustSession(ports, new TrustPolicyFile(), policy, audit, guard, clock,
                    Pacer.system(), () -> closeAll(resources));
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                System.err.println("pitwall: could not close " + resources.get(i) + ": " + e.getMessage());
            }
        }
    }
}
