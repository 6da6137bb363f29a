package dev.pitwall.app;

import dev.pitwall.ops.guard.ProductionContexts;
import dev.pitwall.ops.guard.WriteGuard;

import java.time.Clock;
import java.util.List;

/** The write guard of a session: its connection's facts, the local locks and the audit log of the state directory. */
final class WriteGuards {

    private WriteGuards() {
    }

    /** @param productionContexts the settings' kube context patterns that mean production */
    static WriteGuard of(Session session, Backends backends, List<String> productionContexts, String actor,
                         Clock clock) {
        SessionConnection connection = new SessionConnection(session.profile(), session.readOnlyFlag(),
                session.isDemo(), new ProductionContexts(productionContexts));
        return new WriteGuard(connection, backends.localLocks(), backends.auditLog(), actor, clock);
    }
}
