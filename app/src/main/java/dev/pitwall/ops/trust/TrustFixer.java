package dev.pitwall.ops.trust;

import dev.pitwall.model.BackendKind;
import dev.pitwall.model.ExecutionMode;
import dev.pitwall.ops.audit.AuditEntry;
import dev.pitwall.ops.audit.AuditLog;
import dev.pitwall.ops.guard.Confirmer;
import dev.pitwall.ops.guard.Guarded;
import dev.pitwall.ops.guard.WriteGuard;
import dev.pitwall.ops.guard.WriteIntent;
import dev.pitwall.ops.replay.Pacer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The guarded change of a group's declared mode: a plan with an access review and a diff; then, through the write
 * guard (not on a read-only connection, only while the workload has the UID it had when planned, under the
 * workload's lock), a typed confirmation (the namespace, or {@code <context>/<namespace>/<workload>} on production),
 * the patch (only if the value is still what the plan showed), audit records; and then following the rollout until
 * every pod's heartbeat reports the new mode, within a time bound.
 */
public final class TrustFixer {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    public static final String AUDIT_ACTION = "trust.set-execution-mode";
    static final Duration POLL = Duration.ofSeconds(2);

    private final TrustEngine engine;
    private final WorkloadPatcher patcher;
    private final Guarded<ModeWrite, String> patches;
    private final WriteGuard guard;
    private final AuditLog audit;
    private final Pacer pacer;
    private final Duration poll;

    public TrustFixer(TrustEngine engine, WorkloadPatcher patcher, WriteGuard guard, AuditLog audit, Pacer pacer) {
        this(engine, patcher, guard, audit, pacer, POLL);
    }

    /** @param poll how often the workload and heartbeats are read while following a change */
    public TrustFixer(TrustEngine engine, WorkloadPatcher patcher, WriteGuard guard, AuditLog audit, Pacer pacer,
                      Duration poll) {
        this.engine = engine;
        this.patcher = patcher;
        this.patches = Guarded.of(patcher);
        this.guard = guard;
        this.audit = audit;
        this.pacer = pacer;
        this.poll = poll;
    }

    /** The change of {@code group} to {@code target}, checked but not applied (asks the cluster for access). */
    public FixPlan plan(GroupTrust group, ExecutionMode target, String actor) {
        String before = group.declaredEnv() == null ? "-" : group.declaredEnv().text();
        String cause = "pitwall trust fix by " + actor + ": AP_EXECUTION_MODE " + before + " -> " + target.name();
        String blocked = blockedReason(group, target);
        AccessDecision access = AccessDecision.deny("not checked");
        String uid = null;
        if (blocked == null) {
            access = accessOf(group.workload());
            if (!access.allowed()) {
                blocked = "you may not patch " + group.workload() + ": " + access.reason();
            }
            uid = patcher.uid(group.workload()).orElse(null);
        }
        String confirmation = group.inCluster() ? guard.confirmationFor(intent(group.workload(), group.namespace(),
                uid, target)).orElse(group.namespace()) : group.namespace();
        return new FixPlan(group, target, actor, access, blocked, cause, diff(group, target, cause), confirmation,
                uid);
    }

    /** The guard's view of setting {@code ref}'s mode: always typed (the namespace; on production the full name). */
    private WriteIntent intent(WorkloadRef ref, String namespace, String uid, ExecutionMode target) {
        return WriteIntent.of("trust.fix", ref.toString(), BackendKind.KUBERNETES).liveRead("review the change again")
                .workload(ref.toString(), uid, () -> patcher.uid(ref))
                .lockingWorkload(ref.kind().kind(), ref.namespace(), ref.name())
                .confirmedAlways(ref.namespace() + "/" + ref.name(), namespace).detail("mode", target.name());
    }

    private String blockedReason(GroupTrust group, ExecutionMode target) {
        Optional<String> readOnly = guard.readOnly();
        if (readOnly.isPresent()) {
            return readOnly.get() + ": no change is offered";
        }
        if (!group.inCluster()) {
            return group.title() + " has no workload in the cluster";
        }
        DeclaredEnv env = group.declaredEnv();
        if (env.set() && !"env".equals(env.from())) {
            return "AP_EXECUTION_MODE of " + group.workload() + " comes from " + env.from()
                    + ": change it there (Pitwall only changes values written in the pod template)";
        }
        if (env.set() && group.declared().mode() == target && env.value().equals(target.name())) {
            return group.workload() + " already declares " + target.name();
        }
        return null;
    }

    private AccessDecision accessOf(WorkloadRef ref) {
        try {
            return patcher.canPatch(ref);
        } catch (TrustBackendException e) {
            return AccessDecision.deny("the access review could not be made: " + e.getMessage());
        }
    }

    private static List<String> diff(GroupTrust group, ExecutionMode target, String cause) {
        List<String> lines = new ArrayList<>();
        if (!group.inCluster()) {
            return lines;
        }
        lines.add(group.workload() + ", container " + group.container());
        lines.add("  env AP_EXECUTION_MODE");
        lines.add("  - " + group.declaredEnv().text()
                + (group.declaredDefaulted() ? "   (app default " + ExecutionMode.APP_DEFAULT + " applies)" : ""));
        lines.add("  + " + target.name());
        lines.add("  annotation kubernetes.io/change-cause");
        lines.add("  + " + cause);
        lines.add("npm packages in code steps: " + (target.allowsNpm() ? "allowed" : "stripped") + " after the change");
        lines.add("The pods are replaced by a rolling update of the " + group.workload().kind().kind() + ".");
        return lines;
    }

    /**
     * Applies a plan through the write guard, confirmed by {@code confirmer}: checks access again, patches, and
     * records who changed what in the audit log. Throws {@link TrustChangeException} (nothing changed) when the plan
     * is blocked, access is denied now, or the value changed since the plan was made; the guard's
     * {@link dev.pitwall.ops.guard.WriteRefused} when it refuses (read-only, a recreated workload, the
     * confirmation).
     *
     * @return when the change was made
     */
    public Instant apply(FixPlan plan, Confirmer confirmer) {
        if (!plan.canApply()) {
            throw new TrustChangeException(plan.blockedReason() + "; nothing was changed");
        }
        return guard.perform(intent(plan.workload(), plan.namespace(), plan.workloadUid(), plan.target()), confirmer,
                permit -> {
                    AccessDecision access = accessOf(plan.workload());
                    if (!access.allowed()) {
                        throw new TrustChangeException("you may not patch " + plan.workload() + ": "
                                + access.reason() + "; nothing was changed");
                    }
                    GroupTrust group = plan.group();
                    permit.note("resourceVersion", patches.write(permit, new ModeWrite(plan.workload(),
                            group.container(), group.declaredEnv(), plan.target(), plan.changeCause())));
                    return recorded(plan);
                });
    }

    private Instant recorded(FixPlan plan) {
        GroupTrust group = plan.group();
        Instant at = pacer.now();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("group", group.group());
        details.put("namespace", plan.namespace());
        details.put("workload", plan.workload().kind().kind() + "/" + plan.workload().name());
        details.put("container", group.container());
        details.put("before", group.declaredEnv().text());
        details.put("after", plan.target().name());
        details.put("changeCause", plan.changeCause());
        try {
            audit.record(new AuditEntry(at, plan.actor(), AUDIT_ACTION, plan.workload().toString(), details));
        } catch (RuntimeException e) {
            throw new IllegalStateException("the change was applied but the audit log could not be written: "
                    + e.getMessage(), e);
        }
        return at;
    }

    /**
     * Follows the rollout of an applied plan until the workload declares the target and every pod (at least as many
     * as its replicas) reports it in its heartbeat, or until {@code timeout}. Back-end errors on the way are shown
     * in the progress and retried until the time is up.
     */
    public Convergence follow(FixPlan plan, TrustPolicy policy, Duration timeout,
                              Consumer<ConvergenceProgress> progress) throws InterruptedException {
        long start = pacer.nanoTime();
        long deadline = start + timeout.toNanos();
        ConvergenceProgress last = null;
        while (true) {
            try {
                last = progress(engine.evaluate(plan.workload(), policy), plan);
            } catch (TrustBackendException e) {
                last = new ConvergenceProgress(false, last == null ? 0 : last.reporting(), last == null ? 0
                        : last.pods(), last == null ? 0 : last.replicas(), last == null ? List.of()
                        : last.waitingOn(), "cannot read the state, retrying: " + e.getMessage());
            }
            progress.accept(last);
            long now = pacer.nanoTime();
            Duration took = Duration.ofNanos(now - start);
            if (last.converged()) {
                return new Convergence(true, took, last, "every pod of " + plan.workload() + " reports "
                        + plan.target() + " (after " + seconds(took) + ")");
            }
            if (now >= deadline) {
                return new Convergence(false, took, last, "not every pod reports " + plan.target() + " after "
                        + seconds(timeout) + ": " + last.text());
            }
            pacer.sleep(Duration.ofNanos(Math.min(poll.toNanos(), deadline - now)));
        }
    }

    private static ConvergenceProgress progress(Optional<GroupTrust> read, FixPlan plan) {
        if (read.isEmpty()) {
            return new ConvergenceProgress(false, 0, 0, 0, List.of(), plan.workload() + " no longer exists");
        }
        GroupTrust g = read.get();
        ExecutionMode target = plan.target();
        List<String> waiting = new ArrayList<>();
        int reporting = 0;
        for (PodTrust pod : g.pods()) {
            if (pod.effective().mode() == target) {
                reporting++;
            } else {
                waiting.add(pod.pod() + " reports " + pod.effective().text());
            }
        }
        boolean declared = g.declared().mode() == target;
        int needed = Math.max(1, g.replicas());
        boolean converged = declared && waiting.isEmpty() && (g.replicas() == 0 || g.pods().size() >= needed);
        StringBuilder text = new StringBuilder();
        if (!declared) {
            text.append("declared ").append(g.declaredText()).append("; ");
        }
        text.append(reporting).append(" of ").append(Math.max(g.pods().size(), g.replicas()))
                .append(" pods report ").append(target);
        if (!waiting.isEmpty()) {
            text.append("; waiting for ").append(String.join(", ", waiting));
        } else if (!converged && declared) {
            text.append("; waiting for ").append(needed - g.pods().size()).append(" more pod(s)");
        }
        return new ConvergenceProgress(converged, reporting, g.pods().size(), g.replicas(), waiting,
                text.toString());
    }

    private static String seconds(Duration d) {
        long s = d.toSeconds();
        return s < 120 ? s + " s" : (s / 60) + " min " + (s % 60) + " s";
    }
}
