package dev.pitwall.ops.canary;

import dev.pitwall.model.TargetIdentity;
import dev.pitwall.ops.audit.AuditEntry;
import dev.pitwall.ops.audit.AuditLog;
import dev.pitwall.ops.canary.CanaryCluster.CanaryPod;
import dev.pitwall.ops.canary.CanaryCluster.MainWorkload;
import dev.pitwall.ops.canary.CanarySignals.VolumeUse;
import dev.pitwall.ops.guard.WriteRefused;
import dev.pitwall.ops.rollback.PlanTest;
import dev.pitwall.ops.rollback.RevisionDiff;
import dev.pitwall.ops.rollback.RollbackPlan;
import dev.pitwall.ops.rollback.RollbackPlanStore;
import dev.pitwall.ops.rollback.RollbackRunner;
import dev.pitwall.ops.rollback.WorkloadRef;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What must hold before a canary starts: no canary already runs; the template changes; a rollback plan for the
 * workload was captured and tested and still holds; the caches have room for the canary's run; the new execution
 * mode is the one the trust policy expects; and every verb the canary will use is allowed.
 */
final class CanaryPreflight {

    private static final double MIB = 1024 * 1024;
    /** The projected cache use a canary may reach before it finishes, as a share of the claim. */
    private static final double HEADROOM_LIMIT = 0.9;

    private final CanaryCluster cluster;
    private final RollbackPlanStore plans;
    private final RollbackRunner runner;
    private final CanarySignals signals;
    private final ModePolicy policy;
    private final AuditLog audit;
    private final Supplier<TargetIdentity> here;

    /** @param here the cluster's identity: only its own rollback plans count */
    CanaryPreflight(CanaryCluster cluster, RollbackPlanStore plans, RollbackRunner runner, CanarySignals signals,
                    ModePolicy policy, AuditLog audit, Supplier<TargetIdentity> here) {
        this.here = here;
        this.cluster = cluster;
        this.plans = plans;
        this.runner = runner;
        this.signals = signals;
        this.policy = policy;
        this.audit = audit;
    }

    /** The checks, and the tested plan when there is one. */
    record Outcome(Preflight preflight, RollbackPlan plan) {
    }

    /** @param planFile the tested rollback plan to rely on, or null for the newest one saved for the workload */
    Outcome check(WorkloadRef workload, CanarySettings settings, Path planFile, Instant now) {
        List<Preflight.Check> checks = new ArrayList<>();
        MainWorkload main = cluster.main(workload);
        checks.add(cluster.canary(workload).map(c -> new Preflight.Check("no canary running", false,
                        "a canary of " + workload + " exists already (" + c.name() + "): see `pitwall canary status "
                                + workload.name() + "`, or end it with `pitwall canary abort " + workload.name() + "`"))
                .orElse(new Preflight.Check("no canary running", true, "none")));
        // a value from a Secret counts as a change: the main workload's references are not read
        boolean changes = !settings.image().equals(main.image()) || !settings.envFromSecret().isEmpty()
                || settings.env().entrySet().stream().anyMatch(e -> !e.getValue().equals(main.env().get(e.getKey())));
        checks.add(new Preflight.Check("new template", changes, changes
                ? main.image() + " -> " + settings.image() + (settings.env().isEmpty() ? "" : ", env " + settings.env())
                + (settings.envFromSecret().isEmpty() ? "" : ", " + settings.envFromSecretText())
                : "the workload already runs " + settings.image() + " with that env: nothing to try"));
        RollbackPlan[] tested = new RollbackPlan[1];
        checks.add(rollbackPlan(workload, planFile, tested));
        checks.add(headroom(workload, settings, main, now));
        checks.add(mode(workload, settings, main));
        checks.add(access(workload));
        return new Outcome(new Preflight(checks), tested[0]);
    }

    private Preflight.Check rollbackPlan(WorkloadRef workload, Path planFile, RollbackPlan[] tested) {
        String name = "rollback plan";
        String capture = "`pitwall rollback plan " + workload.name() + " --namespace " + workload.namespace() + "`";
        RollbackPlan plan;
        Path file;
        if (planFile != null) {
            try {
                plan = plans.load(planFile);
            } catch (IOException e) {
                return new Preflight.Check(name, false, "the rollback plan given cannot be used: " + e.getMessage());
            }
            if (!plan.workload().equals(workload)) {
                return new Preflight.Check(name, false, "the rollback plan " + planFile + " is for "
                        + plan.workload() + ", not " + workload);
            }
            file = planFile;
        } else {
            List<RollbackPlan> saved;
            try {
                saved = plans.plansFor(here.get(), workload);
            } catch (IOException e) {
                return new Preflight.Check(name, false, "the saved rollback plans in " + plans.directory(here.get())
                        + " cannot be read: " + e.getMessage());
            }
            if (saved.isEmpty()) {
                return new Preflight.Check(name, false, "no rollback plan captured for " + workload + " in "
                        + plans.directory(here.get()) + ": run " + capture + ", then `pitwall rollback test FILE` with the "
                        + "file it writes (a plan kept elsewhere is named with `canary start --plan FILE`)");
            }
            plan = saved.get(0);
            file = plans.defaultFile(plan);
        }
        String test = "`pitwall rollback test " + file + "`";
        boolean passed = audit.entries().stream().anyMatch(e -> isPassedTest(e, plan));
        if (!passed) {
            return new Preflight.Check(name, false, "rollback plan " + plan.id() + " has not passed a test: run "
                    + test);
        }
        PlanTest now;
        try {
            now = runner.test(plan);
        } catch (WriteRefused e) {
            return new Preflight.Check(name, false, e.reason()); // a plan of another cluster or workload
        }
        if (!now.ok()) {
            return new Preflight.Check(name, false, "rollback plan " + plan.id() + " no longer holds ("
                    + String.join("; ", now.problems()) + "): capture a new one with " + capture
                    + ", then test it with `pitwall rollback test FILE`");
        }
        tested[0] = plan;
        return new Preflight.Check(name, true, "plan " + plan.id() + " tested and current: revision "
                + plan.currentRevision() + " -> " + plan.targetRevision());
    }

    private static boolean isPassedTest(AuditEntry e, RollbackPlan plan) {
        return e.action().equals("rollback.plan.tested") && plan.id().equals(e.details().get("plan"))
                && "passed".equals(e.details().get("result"));
    }

    /**
     * The canary's pods get claims of the same size; what they will hold is projected from the stable pods: their
     * largest cache now plus the fastest growth seen so far (use over uptime, as the cache is cleaned at start)
     * over the whole canary (every step held once).
     */
    private Preflight.Check headroom(WorkloadRef workload, CanarySettings settings, MainWorkload main, Instant now) {
        String name = "volume headroom";
        int pods = settings.canaryReplicas(settings.steps().size() - 1, main.replicas());
        if (main.claimBytes() <= 0) {
            return new Preflight.Check(name, true, "not measured: the template declares no cache size");
        }
        String claims = pods + " canary pods x " + GateEvaluator.number(main.claimBytes() / MIB / 1024) + " GiB";
        List<CanaryPod> stable = cluster.pods(workload, false);
        Set<String> nodes = new HashSet<>();
        stable.forEach(p -> {
            if (p.node() != null) {
                nodes.add(p.node());
            }
        });
        Optional<List<VolumeUse>> uses;
        try {
            uses = signals.volumes(workload.namespace(), nodes);
        } catch (CanarySignals.SignalException e) {
            uses = Optional.empty();
        }
        if (uses.isEmpty()) {
            return new Preflight.Check(name, true, claims + "; cache growth not measured (no volume statistics)");
        }
        Duration run = settings.hold().multipliedBy(settings.steps().size());
        long worstUsed = 0;
        double worstRate = 0;
        for (CanaryPod pod : stable) {
            for (VolumeUse use : uses.get()) {
                if (!use.pod().equals(pod.name()) || use.volume().startsWith("kube-api-access")) {
                    continue;
                }
                worstUsed = Math.max(worstUsed, use.usedBytes());
                if (pod.startedAt() != null && now.isAfter(pod.startedAt())) {
                    double minutes = Duration.between(pod.startedAt(), now).toMillis() / 60_000.0;
                    worstRate = Math.max(worstRate, use.usedBytes() / MIB / Math.max(1, minutes));
                }
            }
        }
        double projected = worstUsed / MIB + worstRate * run.toMinutes();
        double share = projected / (main.claimBytes() / MIB);
        String detail = claims + "; stable caches up to " + GateEvaluator.number(worstUsed / MIB) + " MiB, growing "
                + "up to " + GateEvaluator.number(worstRate) + " MiB/min: " + GateEvaluator.number(100 * share)
                + "% of a claim projected over the canary's " + GateEvaluator.duration(run);
        return new Preflight.Check(name, share < HEADROOM_LIMIT, share < HEADROOM_LIMIT ? detail
                : detail + " (at most " + (int) (100 * HEADROOM_LIMIT) + "%): the caches would fill during the canary");
    }

    private Preflight.Check mode(WorkloadRef workload, CanarySettings settings, MainWorkload main) {
        String name = "execution mode";
        String mode = settings.env().getOrDefault(RevisionDiff.EXECUTION_MODE,
                main.env().getOrDefault(RevisionDiff.EXECUTION_MODE, ""));
        String group = main.env().getOrDefault("AP_WORKER_GROUP_ID", "shared");
        Optional<ModePolicy.Expected> expected = policy.expected(group, workload.namespace());
        String shown = mode.isEmpty() ? "(not set)" : mode;
        if (expected.isEmpty()) {
            return new Preflight.Check(name, true, shown + "; the trust policy has no entry for group " + group
                    + " or namespace " + workload.namespace());
        }
        boolean ok = expected.get().mode().equals(mode);
        return new Preflight.Check(name, ok, ok ? shown + " as the trust policy expects (" + expected.get().text()
                + ")" : "the new template runs " + shown + ", the trust policy expects " + expected.get().text());
    }

    /** The verbs a canary uses: create, patch and delete its workload; patch the main one; read pods. */
    private Preflight.Check access(WorkloadRef workload) {
        String resource = workload.kind() == WorkloadRef.Kind.DEPLOYMENT ? "deployments" : "statefulsets";
        String canary = CanaryCluster.canaryName(workload);
        List<String[]> verbs = List.of(
                new String[]{"create", "apps", resource, canary},
                new String[]{"patch", "apps", resource, canary},
                new String[]{"delete", "apps", resource, canary},
                new String[]{"patch", "apps", resource, workload.name()},
                new String[]{"list", "", "pods", ""});
        List<String> forbidden = new ArrayList<>();
        for (String[] v : verbs) {
            if (!cluster.allowed(v[0], v[1], v[2], workload.namespace(), v[3])) {
                forbidden.add(v[0] + " " + v[2] + (v[3].isEmpty() ? "" : " " + v[3]));
            }
        }
        return new Preflight.Check("access", forbidden.isEmpty(), forbidden.isEmpty()
                ? "allowed: create, patch and delete " + resource + " " + canary + ", patch " + workload.name()
                + ", list pods in " + workload.namespace()
                : "forbidden in " + workload.namespace() + ": " + String.join(", ", forbidden));
    }
}
