package dev.pitwall.app;

import dev.pitwall.kube.KubeClients;
import dev.pitwall.kube.KubeClusterWatch;
import dev.pitwall.kube.KubeProbe;
import dev.pitwall.kube.KubeletVolumeStats;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.connect.BackendProbe;
import dev.pitwall.ops.connect.ProfileValidator;
import dev.pitwall.ops.connect.SecretSource;
import dev.pitwall.ops.fleet.FeedException;
import dev.pitwall.ops.fleet.FleetScope;
import dev.pitwall.ops.fleet.FleetSources;
import dev.pitwall.ops.fleet.HeartbeatSource;
import dev.pitwall.platform.PlatformProbe;
import dev.pitwall.redis.RedisClients;
import dev.pitwall.redis.RedisHeartbeatSource;
import dev.pitwall.redis.RedisProbe;

import java.util.List;

/** The adapters, built by plain constructors: one place that knows every concrete back-end class. */
final class Backends {

    private final SecretSource secrets;

    Backends(SecretSource secrets) {
        this.secrets = secrets;
    }

    SecretSource secrets() {
        return secrets;
    }

    List<BackendProbe> probes() {
        return List.of(new KubeProbe(), new RedisProbe(secrets), new PlatformProbe(secrets));
    }

    ProfileValidator validator() {
        return new ProfileValidator(probes());
    }

    /**
     * The fleet's back-ends for a profile with Kubernetes: informers and kubelet stats, plus heartbeats when the
     * profile has Redis. No platform adapter counts failed runs yet: that column says "platform not configured".
     * Throws IllegalArgumentException when the kubeconfig or a selector is unusable.
     */
    FleetSources fleetSources(ConnectionProfile profile) {
        FleetScope scope = FleetScope.of(profile);
        var client = KubeClients.open(profile);
        return new FleetSources(new KubeClusterWatch(client, scope), new KubeletVolumeStats(client),
                profile.hasRedis() ? heartbeats(profile) : null, null, null);
    }

    /** A Redis that cannot even be configured (a missing password variable) fails every read with the reason. */
    private HeartbeatSource heartbeats(ConnectionProfile profile) {
        try {
            return new RedisHeartbeatSource(RedisClients.open(profile, secrets));
        } catch (IllegalArgumentException e) {
            String reason = e.getMessage();
            return new HeartbeatSource() {
                @Override
                public Read read() throws FeedException {
                    throw new FeedException(reason);
                }

                @Override
                public void close() {
                }
            };
        }
    }

    static List<String> contexts(ConnectionProfile profile) {
        return KubeClients.contextNames(profile);
    }
}
