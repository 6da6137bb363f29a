package dev.pitwall.cli;

import dev.pitwall.model.BackendKind;
import dev.pitwall.ops.guard.WriteGuard;
import dev.pitwall.ops.runs.PlatformException;
import dev.pitwall.ops.trust.Convergence;
import dev.pitwall.ops.trust.FixPlan;
import dev.pitwall.ops.trust.GroupTrust;
import dev.pitwall.ops.trust.PolicyLoad;
import dev.pitwall.ops.trust.PolicySnapshot;
import dev.pitwall.ops.trust.SmokeResult;
import dev.pitwall.ops.trust.SmokeTester;
import dev.pitwall.ops.trust.TrustBackendException;
import dev.pitwall.ops.trust.TrustChangeException;
import dev.pitwall.ops.trust.TrustFixer;
import dev.pitwall.model.ExecutionMode;
import dev.pitwall.ops.trust.TrustReport;
import dev.pitwall.ops.trust.TrustSession;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code pitwall trust check|fix|smoke|snapshot}: expected, declared and effective execution modes per worker group;
 * the guarded change of a group's mode; smoke tests; and a policy made from today's declared modes. Exit codes:
 * 0 everything matches (fix: converged; smoke: passed), 1 drift (fix refused or not converged; smoke failed),
 * 2 a back-end cannot be reached, or a usage or policy problem, 3 the write guard refused the fix (read-only,
 * a recreated workload, the workload's lock, the confirmation): nothing changed.
 */
public final class TrustCommand implements Command {

    private static final OptionSpec POLICY = OptionSpec.value("--policy", "FILE",
            "trust policy (JSON or YAML) to use instead of the profile's");
    private static final OptionSpec JSON = OptionSpec.flag("--json", "check, smoke: print a JSON array");
    private static final OptionSpec MODE = OptionSpec.value("--mode", "MODE", "fix: the execution mode to declare ("
            + ExecutionMode.names() + ")");
    private static final OptionSpec YES = Terminal.YES;
    private static final OptionSpec NAMESPACE = OptionSpec.value("--namespace", "NS",
            "fix, smoke: the group's namespace, when the group runs in several");
    private static final OptionSpec OUT = OptionSpec.value("--out", "FILE", "snapshot: the policy file to write");
    private static final OptionSpec TIMEOUT = OptionSpec.value("--timeout", "SECONDS",
            "fix: how long to follow the rollout (default " + TrustFixer.DEFAULT_TIMEOUT.toSeconds()
                    + "); smoke: how long to wait for each run (default " + SmokeTester.DEFAULT_TIMEOUT.toSeconds()
                    + ")");

    private final Function<String, TrustSession> sessions;
    private final Supplier<WriteGuard> guard;
    private final Terminal terminal;
    private final String actor;

    /**
     * @param sessions opens trust for the profile, given a policy file that overrides the profile's (or null)
     * @param guard    the connection's write guard: a fix is refused before anything is opened
     * @param terminal where the typed confirmation of a fix is read
     * @param actor    who the audit log records as making changes
     */
    public TrustCommand(Function<String, TrustSession> sessions, Supplier<WriteGuard> guard, Terminal terminal,
                        String actor) {
        this.sessions = sessions;
        this.guard = guard;
        this.terminal = terminal;
        this.actor = actor;
    }

    @Override
    public String name() {
        return "trust";
    }

    @Override
    public String summary() {
        return "execution modes per worker group: check drift, fix a group, smoke-test, snapshot a policy";
    }

    @Override
    public String synopsis() {
        return "check [--policy FILE] [--json]\n"
                + "       pitwall [OPTIONS] trust fix GROUP --mode MODE [--yes] [--namespace NS] [--timeout SECONDS]\n"
                + "       pitwall [OPTIONS] trust smoke [GROUP] [--policy FILE] [--json] [--timeout SECONDS]\n"
                + "       pitwall [OPTIONS] trust snapshot --out FILE";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(POLICY, JSON, MODE, YES, NAMESPACE, OUT, TIMEOUT);
    }

    @Override
    public int run(ParsedArgs args, PrintStream out, PrintStream err) throws Exception {
        List<String> words = args.positionals();
        if (words.isEmpty()) {
            throw new UsageException("trust needs one of: check, fix, smoke, snapshot");
        }
        String sub = words.get(0);
        switch (sub) {
            case "check" -> expectWords(words, 1, "trust check takes no other words");
            case "fix" -> expectWords(words, 2, "trust fix needs exactly one GROUP");
            case "smoke" -> {
                if (words.size() > 2) {
                    throw new UsageException("trust smoke takes at most one GROUP");
                }
            }
            case "snapshot" -> expectWords(words, 1, "trust snapshot takes no other words");
            default -> throw new UsageException("unknown word: " + sub + " (check, fix, smoke or snapshot)");
        }
        ExecutionMode mode = sub.equals("fix") ? mode(args) : null;
        String outFile = sub.equals("snapshot") ? args.value(OUT.name())
                .orElseThrow(() -> new UsageException("trust snapshot needs --out FILE")) : null;
        long timeout = args.longValue(TIMEOUT.name(), -1);
        if (args.has(TIMEOUT.name()) && timeout < 1) {
            throw new UsageException("--timeout must be 1 second or more");
        }
        if (sub.equals("fix")) {
            guard.get().admit(BackendKind.KUBERNETES); // refused before anything is read or connected
        }
        TrustSession session;
        try {
            session = sessions.apply(args.value(POLICY.name()).orElse(null));
        } catch (IllegalArgumentException e) {
            err.println("pitwall trust: " + e.getMessage());
            return 2;
        }
        try (session) {
            return switch (sub) {
                case "check" -> check(session, args.has(JSON.name()), out, err);
                case "fix" -> fix(session, words.get(1), mode, args, timeout, out, err);
                case "smoke" -> smoke(session, words.size() > 1 ? words.get(1) : null, args, timeout, out, err);
                default -> snapshot(session, outFile, out, err);
            };
        } catch (TrustBackendException e) {
            err.println("pitwall trust " + sub + ": " + e.getMessage());
            return 2;
        }
    }

    private static void expectWords(List<String> words, int count, String message) {
        if (words.size() != count) {
            throw new UsageException(message);
        }
    }

    private static ExecutionMode mode(ParsedArgs args) {
        String text = args.value(MODE.name()).orElseThrow(() -> new UsageException("trust fix needs --mode MODE ("
                + ExecutionMode.names() + ")"));
        return ExecutionMode.parse(text).orElseThrow(() -> new UsageException("unknown execution mode '" + text
                + "' (known: " + ExecutionMode.names() + ")"));
    }

    /** The policy when it can be used (or there is none); else prints why and returns empty. */
    private static Optional<PolicyLoad> usablePolicy(TrustSession session, PrintStream err) {
        PolicyLoad policy = session.policy();
        if (policy.isInvalid()) {
            err.println("pitwall trust: " + policy.describe());
            return Optional.empty();
        }
        if (policy.location() != null && !policy.isLoaded()) {
            err.println("pitwall trust: trust policy " + policy.location() + " does not exist: write one with "
                    + "'pitwall trust snapshot --out " + policy.location() + "', review it, and run again");
            return Optional.empty();
        }
        return Optional.of(policy);
    }

    private int check(TrustSession session, boolean json, PrintStream out, PrintStream err) {
        Optional<PolicyLoad> policy = usablePolicy(session, err);
        if (policy.isEmpty()) {
            return 2;
        }
        TrustReport report = session.engine().evaluate(policy.get().policyOrEmpty());
        PrintStream notes = json ? err : out;
        if (!policy.get().isLoaded()) {
            notes.println("note: " + policy.get().describe() + " (write one with 'pitwall trust snapshot --out "
                    + "FILE')");
        }
        report.notes().forEach(n -> notes.println("note: " + n));
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            report.groups().forEach(g -> rows.add(TrustCheckOutput.groupJson(g)));
            out.println(CliJson.write(rows));
        } else {
            report.groups().forEach(g -> TrustCheckOutput.printGroup(g, out));
            long drifting = report.drifts().size();
            out.println(drifting == 0 ? "all " + report.groups().size() + " worker group(s) match"
                    : drifting + " of " + report.groups().size() + " worker group(s) drift");
        }
        return report.drifting() ? 1 : 0;
    }

    private int fix(TrustSession session, String group, ExecutionMode mode, ParsedArgs args, long timeout,
                    PrintStream out, PrintStream err) throws InterruptedException, IOException {
        PolicyLoad policy = session.policy();
        if (policy.isInvalid()) {
            err.println("warning: " + policy.describe());
        }
        TrustReport report = session.engine().evaluate(policy.policyOrEmpty());
        Optional<GroupTrust> target = pick(report, group, args.value(NAMESPACE.name()).orElse(null), err);
        if (target.isEmpty()) {
            return 2;
        }
        TrustFixer fixer = session.fixer();
        FixPlan plan = fixer.plan(target.get(), mode, actor);
        out.println("Change of " + plan.group().title() + ":");
        plan.diff().forEach(line -> out.println("  " + line));
        if (!plan.canApply()) {
            err.println("pitwall trust fix: " + plan.blockedReason() + "; nothing was changed");
            return 1;
        }
        try {
            fixer.apply(plan, terminal.confirmer(args, guard.get().production(), out));
        } catch (TrustChangeException e) {
            err.println("pitwall trust fix: " + e.getMessage());
            return 1;
        }
        out.println("Applied; the audit log records the change by " + actor + ".");
        Duration bound = timeout > 0 ? Duration.ofSeconds(timeout) : TrustFixer.DEFAULT_TIMEOUT;
        out.println("Following the rollout until every pod reports " + mode + " (at most " + bound.toSeconds()
                + " s):");
        String[] last = {null};
        Convergence result = fixer.follow(plan, policy.policyOrEmpty(), bound, p -> {
            if (!p.text().equals(last[0])) {
                out.println("  " + p.text());
                last[0] = p.text();
            }
        });
        if (result.converged()) {
            out.println(result.message());
            return 0;
        }
        err.println("pitwall trust fix: " + result.message());
        return 1;
    }

    /** The one workload of {@code group} (in {@code namespace}); prints why not when there is none or several. */
    private static Optional<GroupTrust> pick(TrustReport report, String group, String namespace, PrintStream err) {
        List<GroupTrust> matches = report.groups().stream()
                .filter(g -> g.inCluster() && group.equals(g.group())
                        && (namespace == null || namespace.equals(g.namespace()))).toList();
        if (matches.size() == 1) {
            return Optional.of(matches.get(0));
        }
        if (matches.isEmpty()) {
            List<String> known = report.groups().stream().filter(GroupTrust::inCluster).map(GroupTrust::group)
                    .distinct().toList();
            err.println("pitwall trust: no worker workload of group " + group
                    + (namespace == null ? "" : " in namespace " + namespace) + " (groups in the cluster: "
                    + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
        } else {
            err.println("pitwall trust: group " + group + " runs in several workloads; give --namespace NS: "
                    + String.join(", ", matches.stream().map(g -> g.workload().toString()).toList()));
        }
        return Optional.empty();
    }

    private int smoke(TrustSession session, String group, ParsedArgs args, long timeout, PrintStream out,
                      PrintStream err) throws InterruptedException {
        Optional<SmokeTester> tester = session.smoke();
        if (tester.isEmpty()) {
            err.println("pitwall trust smoke: " + session.smokeMissing());
            return 2;
        }
        Optional<PolicyLoad> policy = usablePolicy(session, err);
        if (policy.isEmpty()) {
            return 2;
        }
        if (!policy.get().isLoaded()) {
            err.println("pitwall trust smoke: smoke flows are named in the trust policy, and there is none: "
                    + "reference one in the profile or give --policy FILE");
            return 2;
        }
        TrustReport report = session.engine().evaluate(policy.get().policy());
        String namespace = args.value(NAMESPACE.name()).orElse(null);
        List<GroupTrust> groups = report.groups().stream().filter(g -> g.smoke() != null)
                .filter(g -> group == null || group.equals(g.group()))
                .filter(g -> namespace == null || namespace.equals(g.namespace())).toList();
        if (groups.isEmpty()) {
            err.println("pitwall trust smoke: the policy names no smoke flow"
                    + (group == null ? "" : " for group " + group));
            return 2;
        }
        Duration bound = timeout > 0 ? Duration.ofSeconds(timeout) : SmokeTester.DEFAULT_TIMEOUT;
        boolean json = args.has(JSON.name());
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean allPassed = true;
        for (GroupTrust g : groups) {
            SmokeResult result;
            try {
                result = tester.get().run(g, bound, step -> {
                    if (!json) {
                        out.println("  " + g.title() + ": " + step);
                    }
                });
            } catch (PlatformException e) {
                err.println("pitwall trust smoke: " + e.getMessage());
                return e.status() == 0 || e.status() == 401 || e.status() == 403 || e.status() >= 500 ? 2 : 1;
            }
            allPassed &= result.passed();
            if (json) {
                rows.add(smokeJson(g, result));
            } else {
                out.println((result.passed() ? "PASS " : "FAIL ") + g.title() + ": " + result.text());
            }
        }
        if (json) {
            out.println(CliJson.write(rows));
        }
        return allPassed ? 0 : 1;
    }

    private static Map<String, Object> smokeJson(GroupTrust g, SmokeResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("group", g.group());
        m.put("namespace", g.namespace());
        m.put("outcome", r.outcome().name().toLowerCase());
        m.put("runId", r.runId());
        m.put("status", r.status());
        m.put("failedStep", r.failedStep());
        m.put("message", r.message());
        m.put("seconds", r.took().toSeconds());
        return m;
    }

    private int snapshot(TrustSession session, String file, PrintStream out, PrintStream err) throws IOException {
        if (Files.exists(Path.of(file))) {
            err.println("pitwall trust snapshot: " + file + " exists; a snapshot never replaces a policy: choose "
                    + "another name");
            return 1;
        }
        String text = PolicySnapshot.yaml(session.engine().workloads().workloads(), session.clock().instant());
        session.files().save(file, text);
        out.println("Wrote " + file + " with the execution modes declared now. Review it (a snapshot takes today's "
                + "state, drift included, as expected), then name it in the profile or pass --policy " + file + ".");
        return 0;
    }
}
