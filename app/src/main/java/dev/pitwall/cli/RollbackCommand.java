package dev.pitwall.cli;

import dev.pitwall.model.BackendKind;
import dev.pitwall.ops.audit.AuditLog;
import dev.pitwall.ops.guard.WriteGuard;
import dev.pitwall.ops.rollback.ClusterException;
import dev.pitwall.ops.rollback.HeartbeatSource;
import dev.pitwall.ops.rollback.PlanTest;
import dev.pitwall.ops.rollback.Revision;
import dev.pitwall.ops.rollback.RollbackCluster;
import dev.pitwall.ops.rollback.RollbackPlan;
import dev.pitwall.ops.rollback.RollbackPlanStore;
import dev.pitwall.ops.rollback.RollbackPlanner;
import dev.pitwall.ops.rollback.RollbackRefused;
import dev.pitwall.ops.rollback.RollbackRunner;
import dev.pitwall.ops.rollback.Verification;
import dev.pitwall.ops.rollback.WorkloadRef;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code pitwall rollback history|diff|plan|test|run}: tested rollback plans for worker workloads, headless. A run
 * goes through the write guard (read-only, the plan's cluster and workload UID, the workload's lock, the typed
 * confirmation on production) and refuses a stale plan, a missing target, a forbidden verb or a rejected dry run
 * before writing anything (exit 3); it exits 1 when verification fails. A plan of another cluster does not pass
 * {@code test} either.
 */
public final class RollbackCommand implements Command {

    /** Exit code of a refused rollback (nothing was written). */
    public static final int REFUSED = 3;

    private final Supplier<RollbackCluster> cluster;
    private final Supplier<HeartbeatSource> heartbeats;
    private final Supplier<WriteGuard> guard;
    private final AuditLog audit;
    private final RollbackPlanStore plans;
    private final Terminal terminal;
    private final RollbackRunner.Pause pause;
    private final Clock clock;

    /**
     * @param heartbeats the workers' heartbeats, or a supplier of null when the profile has no Redis
     * @param guard      the write guard of the connection
     * @param terminal   where a production run asks for the typed confirmation
     * @param pause      waits between verification attempts
     */
    public RollbackCommand(Supplier<RollbackCluster> cluster, Supplier<HeartbeatSource> heartbeats,
                           Supplier<WriteGuard> guard, AuditLog audit, RollbackPlanStore plans, Terminal terminal,
                           RollbackRunner.Pause pause, Clock clock) {
        this.cluster = cluster;
        this.heartbeats = heartbeats;
        this.guard = guard;
        this.audit = audit;
        this.plans = plans;
        this.terminal = terminal;
        this.pause = pause;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "rollback";
    }

    @Override
    public String summary() {
        return "revision history, diffs and tested, verified rollbacks of worker workloads";
    }

    @Override
    public String synopsis() {
        return "history WORKLOAD [--namespace NS]\n"
                + "       pitwall rollback diff WORKLOAD --from REV --to REV [--namespace NS]\n"
                + "       pitwall rollback plan WORKLOAD [--namespace NS] [--to REVISION] [--out FILE]\n"
                + "       pitwall rollback test PLAN\n"
                + "       pitwall rollback run PLAN [--yes] [--timeout DURATION]";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.value("--namespace", "NS", "the workload's namespace (default: default)"),
                OptionSpec.value("--to", "REVISION", "plan/diff: the target revision (plan default: the previous)"),
                OptionSpec.value("--from", "REVISION", "diff: the revision to compare from"),
                OptionSpec.value("--out", "FILE", "plan: where to write the plan JSON (Markdown next to it); "
                        + "it is recorded in the state directory either way"),
                Terminal.YES,
                OptionSpec.value("--timeout", "DURATION", "run: how long verification may take (default 10m)"));
    }

    @Override
    public int run(ParsedArgs args, PrintStream out, PrintStream err) throws Exception {
        List<String> words = args.positionals();
        if (words.size() != 2) {
            throw new UsageException(words.isEmpty() ? "rollback needs a verb: history, diff, plan, test or run"
                    : "rollback " + words.get(0) + " needs exactly one workload or plan file");
        }
        String verb = words.get(0);
        if (!List.of("history", "diff", "plan", "test", "run").contains(verb)) {
            throw new UsageException("unknown rollback verb: " + verb);
        }
        if (verb.equals("run")) {
            guard.get().admit(BackendKind.KUBERNETES); // refused before anything is read or connected
        }
        RollbackPlan saved = verb.equals("test") || verb.equals("run") ? plans.load(Path.of(words.get(1))) : null;
        try (RollbackCluster c = cluster.get()) {
            return switch (verb) {
                case "history" -> history(c, args, words.get(1), out);
                case "diff" -> diff(c, args, words.get(1), out);
                case "plan" -> plan(c, args, words.get(1), out);
                case "test" -> test(c, saved, out);
                default -> run(c, args, saved, out, err);
            };
        } catch (IllegalArgumentException | ClusterException e) {
            err.println("pitwall rollback: " + e.getMessage());
            return 1;
        }
    }

    private RollbackPlanner planner(RollbackCluster c) {
        return new RollbackPlanner(c, guard.get().identity(BackendKind.KUBERNETES), clock);
    }

    private WorkloadRef workload(RollbackPlanner planner, ParsedArgs args, String name) {
        return planner.workload(args.value("--namespace").orElse("default"), name);
    }

    private int history(RollbackCluster c, ParsedArgs args, String name, PrintStream out) {
        RollbackPlanner planner = planner(c);
        WorkloadRef workload = workload(planner, args, name);
        out.println(workload);
        for (Revision r : planner.history(workload)) {
            out.printf("  %4d  %s  %s  %s%s%n", r.number(), r.createdAt(), String.join(", ", r.images()),
                    r.executionMode().isEmpty() ? "" : "mode " + r.executionMode(),
                    r.changeCause() == null ? "" : "  (" + r.changeCause() + ")");
        }
        return 0;
    }

    private int diff(RollbackCluster c, ParsedArgs args, String name, PrintStream out) {
        RollbackPlanner planner = planner(c);
        WorkloadRef workload = workload(planner, args, name);
        long from = args.longValue("--from", -1);
        long to = args.longValue("--to", -1);
        if (from < 0 || to < 0) {
            throw new UsageException("diff needs --from REV and --to REV");
        }
        out.print(planner.diff(workload, from, to).toText());
        return 0;
    }

    private int plan(RollbackCluster c, ParsedArgs args, String name, PrintStream out) throws Exception {
        RollbackPlanner planner = planner(c);
        WorkloadRef workload = workload(planner, args, name);
        Long target = args.has("--to") ? args.longValue("--to", 0) : null;
        RollbackPlan plan = planner.plan(workload, target);
        Path recorded = plans.defaultFile(plan);
        Path file = args.value("--out").map(Path::of).orElse(recorded);
        Path markdown = plans.save(plan, file);
        out.printf("plan %s: %s revision %d -> %d (%s), %d ConfigMaps restored%n", plan.id(), workload,
                plan.currentRevision(), plan.targetRevision(), String.join(", ", plan.targetImages()),
                plan.configMaps().size());
        plan.diff().forEach(change -> out.println("  " + change.describe()));
        out.println("written: " + file + " and " + markdown);
        if (!file.toAbsolutePath().normalize().equals(recorded.toAbsolutePath().normalize())) {
            // a canary looks for the workload's plan in the state directory: once tested, either file serves it
            plans.save(plan, recorded);
            out.println("recorded in the state directory too: " + recorded);
        }
        return 0;
    }

    private int test(RollbackCluster c, RollbackPlan plan, PrintStream out) {
        PlanTest test = runner(c).test(plan);
        test.passed().forEach(p -> out.println("ok    " + p));
        test.problems().forEach(p -> out.println("FAIL  " + p));
        return test.ok() ? 0 : REFUSED;
    }

    private int run(RollbackCluster c, ParsedArgs args, RollbackPlan plan, PrintStream out, PrintStream err) throws Exception {
        Duration timeout = args.value("--timeout").map(RunFilterOptions::duration).orElse(Duration.ofMinutes(10));
        RollbackRunner runner = runner(c);
        try {
            runner.execute(plan, terminal.confirmer(args, guard.get().production(), err),
                    step -> err.println("writing: " + step));
        } catch (RollbackRefused e) {
            err.println("rollback refused, nothing written:");
            e.reasons().forEach(r -> err.println("  " + r));
            return REFUSED;
        }
        Verification v = runner.awaitVerified(plan, timeout, Duration.ofSeconds(5), pause);
        if (v.ok()) {
            out.printf("verified: %s on revision %d, %d pods ready on %s%n", plan.workload(), plan.targetRevision(),
                    v.rollout().pods().size(), String.join(", ", plan.targetImages()));
            return 0;
        }
        out.println("verification failed after " + timeout + ":");
        v.failures().forEach(f -> out.println("  " + f));
        return 1;
    }

    private RollbackRunner runner(RollbackCluster c) {
        return new RollbackRunner(c, heartbeats.get(), guard.get(), audit, System.getProperty("user.name", "cli"),
                clock);
    }
}
