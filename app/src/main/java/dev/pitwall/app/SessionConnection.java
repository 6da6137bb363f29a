package dev.pitwall.app;

import dev.pitwall.kube.KubeClients;
import dev.pitwall.model.BackendKind;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.model.TargetIdentity;
import dev.pitwall.ops.guard.Connection;
import dev.pitwall.ops.guard.ProductionContexts;
import dev.pitwall.ops.guard.WriteRefused;
import dev.pitwall.redis.RedisEndpoint;

import java.util.Optional;

/**
 * The guard's view of a session's connection. The kube identity is read from the kubeconfig on every question, so
 * that a context removed from it since the session began is refused, not written through.
 *
 * @param readOnlyFlag whether {@code --read-only} was given (the refusal then names it rather than the profile)
 * @param demo         the embedded demo: never production, whatever the patterns say
 */
record SessionConnection(ConnectionProfile profile, boolean readOnlyFlag, boolean demo,
                         ProductionContexts productionContexts) implements Connection {

    @Override
    public Optional<String> readOnly() {
        if (readOnlyFlag) {
            return Optional.of("--read-only");
        }
        return profile.readOnly() ? Optional.of("profile " + profile.name()) : Optional.empty();
    }

    @Override
    public TargetIdentity identity(BackendKind kind) {
        if (!profile.isConfigured(kind)) {
            throw new WriteRefused("this connection has no " + kind.displayName());
        }
        try {
            return switch (kind) {
                case KUBERNETES -> KubeClients.identity(profile);
                case PLATFORM -> TargetIdentity.platform(profile.platformUrl());
                case REDIS -> {
                    RedisEndpoint redis = RedisEndpoint.parse(profile.redisUrl());
                    yield TargetIdentity.redis(redis.host(), redis.port(), redis.database());
                }
            };
        } catch (IllegalArgumentException e) {
            throw new WriteRefused(e.getMessage());
        }
    }

    @Override
    public boolean production() {
        if (demo) {
            return false;
        }
        if (profile.production()) {
            return true;
        }
        try {
            return profile.hasKubernetes() && productionContexts.matches(identity(BackendKind.KUBERNETES).scope());
        } catch (WriteRefused e) {
            return true; // the context cannot be told: whatever is written then is refused at the identity check
        }
    }
}
