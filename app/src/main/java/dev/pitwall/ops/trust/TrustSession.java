package dev.pitwall.ops.trust;

import dev.pitwall.ops.audit.AuditLog;
import dev.pitwall.ops.guard.WriteGuard;
import dev.pitwall.ops.replay.Pacer;
import dev.pitwall.ops.runs.FlowRunSource;

import java.time.Clock;
import java.util.Optional;

/**
 * Everything trust needs for one profile, composed once (by the app) and used by the command line and the screen
 * alike: the engine, the guarded fix, the smoke tests, and the policy. Parts that need a back-end the profile does
 * not have are absent, with the reason.
 */
public final class TrustSession implements AutoCloseable {

    /**
     * The back-ends as trust sees them.
     *
     * @param heartbeats        null without Redis; {@code heartbeatsMissing} says so
     * @param trigger           null without the platform; {@code platformMissing} says so
     * @param runs              null without the platform
     */
    public record Ports(WorkloadSource workloads, WorkloadPatcher patcher, HeartbeatSource heartbeats,
                        String heartbeatsMissing, FlowTrigger trigger, FlowRunSource runs, String platformMissing) {
    }

    private final Ports ports;
    private final PolicyFiles files;
    private final String policyLocation;
    private final AuditLog audit;
    private final WriteGuard guard;
    private final Clock clock;
    private final Pacer pacer;
    private final AutoCloseable resources;
    private final TrustEngine engine;
    private volatile PolicyLoad policy;

    /**
     * @param policyLocation the policy file, or null when none is referenced
     * @param guard          the connection's write guard, which a fix passes
     * @param resources      closed with the session (clients of the back-ends)
     */
    public TrustSession(Ports ports, PolicyFiles files, String policyLocation, AuditLog audit, WriteGuard guard,
                        Clock clock, Pacer pacer, AutoCloseable resources) {
        this.ports = ports;
        this.files = files;
        this.policyLocation = policyLocation;
        this.audit = audit;
        this.guard = guard;
        this.clock = clock;
        this.pacer = pacer;
        this.resources = resources;
        this.engine = new TrustEngine(ports.workloads(), ports.heartbeats(), ports.heartbeatsMissing(), clock);
        this.policy = policyLocation == null ? PolicyLoad.none() : files.load(policyLocation);
    }

    public TrustEngine engine() {
        return engine;
    }

    public TrustFixer fixer() {
        return new TrustFixer(engine, ports.patcher(), guard, audit, pacer);
    }

    /** The smoke tests, or empty when the profile has no platform ({@link #smokeMissing()} says so). */
    public Optional<SmokeTester> smoke() {
        return ports.trigger() == null ? Optional.empty()
                : Optional.of(new SmokeTester(ports.trigger(), ports.runs(), pacer));
    }

    public String smokeMissing() {
        return ports.platformMissing();
    }

    /** Why effective modes are not read, or null when they are. */
    public String heartbeatsMissing() {
        return ports.heartbeats() == null ? ports.heartbeatsMissing() : null;
    }

    /** "read-only connection (...)" when no fix may be made. */
    public Optional<String> readOnly() {
        return guard.readOnly();
    }

    public PolicyLoad policy() {
        return policy;
    }

    /** Reads the policy file again (after a snapshot was saved, or the file was edited). */
    public PolicyLoad reloadPolicy() {
        policy = policyLocation == null ? PolicyLoad.none() : files.load(policyLocation);
        return policy;
    }

    public String policyLocation() {
        return policyLocation;
    }

    public PolicyFiles files() {
        return files;
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
