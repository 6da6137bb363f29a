package dev.pitwall.app;

import dev.pitwall.kube.KubeClients;
import dev.pitwall.kube.KubeProbe;
import dev.pitwall.ops.connect.BackendProbe;
import dev.pitwall.ops.connect.ProfileValidator;
import dev.pitwall.ops.connect.SecretSource;
import dev.pitwall.ops.queues.QueueBackend;
import dev.pitwall.platform.PlatformProbe;
import dev.pitwall.redis.RedisProbe;
import dev.pitwall.redis.RedisQueueBackend;

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

    /** The profile's Redis as BullMQ queues; throws QueueBackendException when it cannot be used. */
    QueueBackend queueBackend(dev.pitwall.model.ConnectionProfile profile) {
        return RedisQueueBackend.open(profile, secrets);
    }

    ProfileValidator validator() {
        return new ProfileValidator(probes());
    }

    static List<String> contexts(dev.pitwall.model.ConnectionProfile profile) {
        return KubeClients.contextNames(profile);
    }
}
