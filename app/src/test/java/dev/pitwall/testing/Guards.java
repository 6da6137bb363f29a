package dev.pitwall.testing;

import dev.pitwall.model.BackendKind;
import dev.pitwall.model.TargetIdentity;
import dev.pitwall.ops.audit.AuditLog;
import dev.pitwall.ops.guard.Connection;
import dev.pitwall.ops.guard.Lock;
import dev.pitwall.ops.guard.LocalLocks;
import dev.pitwall.ops.guard.WriteGuard;
import dev.pitwall.ops.guard.WriteRefused;

import java.time.Clock;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The write guard for engine tests: a connection whose facts the test sets, locks in memory. */
public final class Guards {

    public static final TargetIdentity CLUSTER = TargetIdentity.cluster("https://a.example:6443", "a");
    public static final TargetIdentity PLATFORM = TargetIdentity.platform("https://platform.example");
    public static final TargetIdentity REDIS = TargetIdentity.redis("127.0.0.1", 6379, 0);

    private Guards() {
    }

    /** A writable, non-production connection to {@link #CLUSTER}, {@link #PLATFORM} and {@link #REDIS}. */
    public static WriteGuard writable(AuditLog audit, Clock clock) {
        return new WriteGuard(new TestConnection(), new MemoryLocks(), audit, "tester", clock);
    }

    /** Replays to {@code target} through a writable guard, as the command line and the console do. */
    public static dev.pitwall.ops.replay.ReplayRuns replays(dev.pitwall.ops.replay.ReplayTarget target) {
        return new dev.pitwall.ops.replay.ReplayRuns(writable(new MemoryAuditLog(), Clock.systemUTC()),
                source -> target);
    }

    /** A connection whose facts a test changes. */
    public static final class TestConnection implements Connection {
        public volatile String readOnly;
        public volatile boolean production;
        public final Map<BackendKind, TargetIdentity> identities = new EnumMap<>(Map.of(
                BackendKind.KUBERNETES, CLUSTER, BackendKind.PLATFORM, PLATFORM, BackendKind.REDIS, REDIS));

        @Override
        public Optional<String> readOnly() {
            return Optional.ofNullable(readOnly);
        }

        @Override
        public TargetIdentity identity(BackendKind kind) {
            TargetIdentity id = identities.get(kind);
            if (id == null) {
                throw new WriteRefused("this connection has no " + kind.displayName());
            }
            return id;
        }

        @Override
        public boolean production() {
            return production;
        }
    }

    /** Local locks in memory: a key is held until its lock is closed. */
    public static final class MemoryLocks implements LocalLocks {
        private final Set<String> held = new HashSet<>();

        @Override
        public synchronized Lock.Held lock(String key, String what) {
            if (!held.add(key)) {
                throw new WriteRefused(what + " is being changed by another Pitwall operation (lock " + key + ")");
            }
            return () -> {
                synchronized (this) {
                    held.remove(key);
                }
            };
        }

        public synchronized Set<String> held() {
            return Set.copyOf(held);
        }
    }
}
