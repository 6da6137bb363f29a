package dev.pitwall.ops.connect;

import dev.pitwall.model.BackendKind;
import dev.pitwall.model.BackendStatus;
import dev.pitwall.model.BackendStatus.State;
import dev.pitwall.model.ConnectionProfile;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Keeps one {@link BackendStatus} per back-end. Adapters report live successes and failures as they see them
 * (informer events, poll results); {@link #probeAll()} asks the back-ends directly for those that nothing else polls.
 * A failure after a success is STALE (the data shown dates from the last success); a failure with no success yet is
 * ERROR.
 */
public final class BackendHealthMonitor {

    private final ConnectionProfile profile;
    private final Map<BackendKind, BackendProbe> probes = new EnumMap<>(BackendKind.class);
    private final Map<BackendKind, BackendStatus> current = new EnumMap<>(BackendKind.class);
    private final List<Consumer<BackendStatus>> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock;

    public BackendHealthMonitor(ConnectionProfile profile, List<BackendProbe> probes, Clock clock) {
        this.profile = profile;
        this.clock = clock;
        probes.forEach(p -> this.probes.put(p.kind(), p));
        for (BackendKind kind : BackendKind.values()) {
            current.put(kind, profile.isConfigured(kind)
                    ? BackendStatus.connecting(kind) : BackendStatus.notConfigured(kind));
        }
    }

    public void addListener(Consumer<BackendStatus> listener) {
        listeners.add(listener);
    }

    public synchronized BackendStatus status(BackendKind kind) {
        return current.get(kind);
    }

    /** Probes every configured back-end once (call from a background thread). */
    public void probeAll() {
        for (BackendKind kind : BackendKind.values()) {
            BackendProbe probe = probes.get(kind);
            if (probe != null && profile.isConfigured(kind)) {
                ProbeResult result = probe.probe(profile);
                if (result.ok()) {
                    reportSuccess(kind);
                } else {
                    reportFailure(kind, result.message());
                }
            }
        }
    }

    public void reportSuccess(BackendKind kind) {
        publish(BackendStatus.connected(kind, clock.instant()));
    }

    public void reportFailure(BackendKind kind, String reason) {
        BackendStatus next;
        synchronized (this) {
            BackendStatus before = current.get(kind);
            Instant lastGood = switch (before.state()) {
                case CONNECTED, STALE -> before.since();
                default -> null;
            };
            next = lastGood == null
                    ? new BackendStatus(kind, State.ERROR, clock.instant(), reason)
                    : new BackendStatus(kind, State.STALE, lastGood, reason);
        }
        publish(next);
    }

    private void publish(BackendStatus status) {
        synchronized (this) {
            if (status.equals(current.get(status.kind()))) {
                return;
            }
            current.put(status.kind(), status);
        }
        listeners.forEach(l -> l.accept(status));
    }
}
