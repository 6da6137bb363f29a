package dev.pitwall.app;

import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.guard.ProductionContexts;
import dev.pitwall.ops.guard.WriteGuard;

import java.time.Clock;

/** The write guard of a test's connection, built as the launcher and the console build it. */
final class TestGuards {

    private TestGuards() {
    }

    /** The guard of a connection by {@code profile} (production when the profile says so or its context is prod*). */
    static WriteGuard of(ConnectionProfile profile, Backends backends) {
        return WriteGuards.of(new Session(profile), backends, ProductionContexts.DEFAULT, "test", Clock.systemUTC());
    }

    /** {@code p} marked production (or not), as a saved profile can be. */
    static ConnectionProfile production(ConnectionProfile p, boolean production) {
        return new ConnectionProfile(p.name(), p.kubeconfig(), p.kubeContext(), p.namespaceSelector(),
                p.workerSelector(), p.namespaces(), p.redisUrl(), p.redisPasswordEnv(), p.platformUrl(),
                p.platformKeyEnv(), p.readOnly(), production, p.trustPolicy(), p.queueNames());
    }

    /** The guard of an embedded demo session: never production. */
    static WriteGuard demo(ConnectionProfile demoProfile, Backends backends, Clock clock) {
        return WriteGuards.of(Session.demo(demoProfile), backends, ProductionContexts.DEFAULT, "test", clock);
    }
}
