package dev.pitwall.app;

import dev.pitwall.files.HashChainedAuditLog;
import dev.pitwall.files.ReplayFileStore;
import dev.pitwall.kube.KubeClients;
import dev.pitwall.kube.KubeClusterWatch;
import dev.pitwall.kube.KubeProbe;
import dev.pitwall.kube.KubeletVolumeStats;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.audit.AuditLog;
import dev.pitwall.ops.connect.BackendProbe;
import dev.pitwall.ops.connect.ProfileValidator;
import dev.pitwall.ops.connect.SecretReferences;
import dev.pitwall.ops.connect.SecretSource;
import dev.pitwall.ops.fleet.AppVersionSource;
import dev.pitwall.ops.fleet.FailedRunCounter;
import dev.pitwall.ops.fleet.FeedException;
import dev.pitwall.ops.fleet.FleetScope;
import dev.pitwall.ops.fleet.FleetSources;
import dev.pitwall.ops.fleet.HeartbeatSource;
import dev.pitwall.ops.fleet.PlatformFailedRuns;
import dev.pitwall.ops.queues.QueueBackend;
import dev.pitwall.ops.replay.FailedJobRef;
import dev.pitwall.ops.replay.QueueDepthGauge;
import dev.pitwall.ops.replay.ReplayFiles;
import dev.pitwall.ops.replay.ReplaySource;
import dev.pitwall.ops.replay.ReplayTarget;
import dev.pitwall.platform.PlatformAppVersion;
import dev.pitwall.platform.PlatformFlowRuns;
import dev.pitwall.platform.PlatformHttp;
import dev.pitwall.platform.PlatformProbe;
import dev.pitwall.platform.PlatformReplayTarget;
import dev.pitwall.redis.BullFailedJobs;
import dev.pitwall.redis.BullJobLookup;
import dev.pitwall.redis.BullReplayTarget;
import dev.pitwall.redis.BullWaitingDepth;
import dev.pitwall.redis.RedisClients;
import dev.pitwall.redis.RedisHeartbeatSource;
import dev.pitwall.redis.RedisProbe;
import dev.pitwall.redis.RedisQueueBackend;
import redis.clients.jedis.RedisClient;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The adapters, built by plain constructors: one place that knows every concrete back-end class. */
final class Backends {

    /** Names the variable holding the audit key, for every profile; wins over a profile's auditKeyEnv. */
    static final String AUDIT_KEY_ENV = "PITWALL_AUDIT_KEY_ENV";

    private final SecretSource secrets;
    private final Path stateDir;
    /** One per process: every writer of the log shares it (its file lock also holds across processes). */
    private final HashChainedAuditLog auditLog;
    /** The audit key variable of the session's profile (one profile per process), or null. */
    private volatile String profileAuditKeyEnv;
    private final Map<Path, dev.pitwall.ops.alert.AlertHistory> alertHistories =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** @param stateDir where journals, plans, reports and the audit log are kept */
    Backends(SecretSource secrets, Path stateDir) {
        this.secrets = secrets;
        this.stateDir = stateDir;
        this.auditLog = new HashChainedAuditLog(stateDir.resolve("audit.jsonl"), this::auditKey);
    }

    ReplayFiles replayFiles() {
        return new ReplayFileStore(stateDir);
    }

    /** Locks of what a write changes, as OS file locks in the state directory. */
    dev.pitwall.ops.guard.LocalLocks localLocks() {
        return new dev.pitwall.files.FileLocks(stateDir);
    }

    AuditLog auditLog() {
        return auditLog;
    }

    /** The session's profile: its auditKeyEnv names the audit key unless PITWALL_AUDIT_KEY_ENV does. */
    void useAuditKeyOf(ConnectionProfile profile) {
        profileAuditKeyEnv = profile == null ? null : profile.auditKeyEnv();
    }

    /** "environment variable X (Y) is not set" for each secret variable the profile (or the environment) names. */
    List<String> unsetSecrets(ConnectionProfile profile) {
        List<String> unset = new java.util.ArrayList<>(SecretReferences.unset(profile, secrets));
        try {
            auditKey();
        } catch (IllegalArgumentException e) {
            unset.add(e.getMessage());
        }
        return unset;
    }

    private Optional<byte[]> auditKey() {
        String variable = secrets.lookup(AUDIT_KEY_ENV).filter(v -> !v.isBlank()).orElse(profileAuditKeyEnv);
        return SecretReferences.require(secrets, variable, "audit key")
                .map(key -> key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Where incident reports go unless the user names a folder. */
    Path incidentReports() {
        return stateDir.resolve("incidents");
    }

    /**
     * Every alert raised and cleared on a profile by this user's consoles, for the incident timeline and report: one
     * file per profile, so that the demo's alerts never turn up in a production incident's report.
     */
    dev.pitwall.ops.alert.AlertHistory alertHistory(ConnectionProfile profile) {
        String name = profile.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        // one instance per file: its reads and writes (the console's recorder, the screens) take turns on it
        return alertHistories.computeIfAbsent(stateDir.resolve("alerts")
                .resolve((name.isEmpty() ? "profile" : name) + ".jsonl"), dev.pitwall.files.AlertHistoryFile::new);
    }

    /** The BullMQ failed job of a run, described; empty without Redis or when there is none. */
    Function<String, Optional<String>> failedJobLookup(ConnectionProfile profile) {
        if (!profile.hasRedis()) {
            return id -> Optional.empty();
        }
        BullJobLookup lookup = new BullJobLookup(redis(profile));
        return lookup::describeFailedJob;
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

    /** The platform's flow runs for a profile; a clear error when the profile has no platform. */
    PlatformFlowRuns platformRuns(ConnectionProfile profile) {
        if (!profile.hasPlatform()) {
            throw new Launcher.NoProfileException("this command needs the platform: give --platform-url and "
                    + "--platform-key-env, or a profile with them");
        }
        return new PlatformFlowRuns(PlatformHttp.forProfile(profile, secrets));
    }

    /** Where a plan of {@code source} is replayed. */
    ReplayTarget replayTarget(ConnectionProfile profile, ReplaySource source) {
        return source == ReplaySource.PLATFORM ? new PlatformReplayTarget(platformRuns(profile))
                : new BullReplayTarget(redis(profile));
    }

    /** A BullMQ queue's failed set, read in pages. */
    Iterable<FailedJobRef> failedJobs(ConnectionProfile profile, String queue) {
        return new BullFailedJobs(redis(profile), queue);
    }

    private RedisClient redis(ConnectionProfile profile) {
        if (!profile.hasRedis()) {
            throw new Launcher.NoProfileException("this command needs Redis: give --redis URL or a profile with it");
        }
        return RedisClients.open(profile, secrets);
    }

    /** The deepest waiting backlog of the profile's BullMQ queues, or null when the profile has no Redis. */
    QueueDepthGauge waitingDepth(ConnectionProfile profile) {
        if (!profile.hasRedis()) {
            return null;
        }
        return new BullWaitingDepth(redis(profile), List.of());
    }

    /** The profile's cluster, for rollbacks; a clear error when the profile has no Kubernetes. */
    dev.pitwall.ops.rollback.RollbackCluster rollbackCluster(ConnectionProfile profile) {
        if (!profile.hasKubernetes()) {
            throw new Launcher.NoProfileException("this command needs Kubernetes: give --kubeconfig/--context or a "
                    + "profile with them");
        }
        return new dev.pitwall.kube.KubeRollbackCluster(KubeClients.open(profile));
    }

    /**
     * The workers' heartbeats, or null when the profile has no Redis (verification then skips that check).
     *
     * @param own takes the Redis client opened here, to close it with the caller's session
     */
    dev.pitwall.ops.rollback.HeartbeatSource heartbeats(ConnectionProfile profile,
                                                        java.util.function.Consumer<AutoCloseable> own) {
        if (!profile.hasRedis()) {
            return null;
        }
        RedisClient redis = redis(profile);
        own.accept(redis);
        return new dev.pitwall.redis.RedisHeartbeats(redis);
    }

    dev.pitwall.ops.rollback.RollbackPlanStore rollbackPlans() {
        return new dev.pitwall.files.RollbackPlanFiles(stateDir);
    }

    dev.pitwall.ops.canary.CanaryJournal canaryJournal() {
        return new dev.pitwall.files.CanaryJournalFile(stateDir);
    }

    /**
     * The fleet's back-ends for a profile with Kubernetes: informers and kubelet stats, plus heartbeats when the
     * profile has Redis, failed runs per namespace and the app version when it has the platform (a platform whose
     * API key variable is unset fails those reads with the reason, like any other platform call).
     * Throws IllegalArgumentException when the kubeconfig or a selector is unusable.
     */
    FleetSources fleetSources(ConnectionProfile profile) {
        FleetScope scope = FleetScope.of(profile);
        var client = KubeClients.open(profile);
        FailedRunCounter failedRuns = null;
        AppVersionSource appVersion = null;
        if (profile.hasPlatform()) {
            try {
                PlatformHttp platform = PlatformHttp.forProfile(profile, secrets);
                failedRuns = new PlatformFailedRuns(new PlatformFlowRuns(platform));
                appVersion = new PlatformAppVersion(platform);
            } catch (IllegalArgumentException e) {
                String reason = e.getMessage();
                failedRuns = (since, namespaces) -> {
                    throw new FeedException(reason);
                };
            }
        }
        return new FleetSources(new KubeClusterWatch(client, scope), new KubeletVolumeStats(client),
                profile.hasRedis() ? fleetHeartbeats(profile) : null, failedRuns, appVersion);
    }

    /** A Redis that cannot even be configured (a missing password variable) fails every read with the reason. */
    private HeartbeatSource fleetHeartbeats(ConnectionProfile profile) {
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
