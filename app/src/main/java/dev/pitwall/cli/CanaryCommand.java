package dev.pitwall.cli;

import dev.pitwall.model.BackendKind;
import dev.pitwall.ops.canary.AbortReason;
import dev.pitwall.ops.canary.CanaryDriver;
import dev.pitwall.ops.canary.CanaryEngine;
import dev.pitwall.ops.canary.CanaryPhase;
import dev.pitwall.ops.canary.CanaryRecord;
import dev.pitwall.ops.canary.CanaryRefused;
import dev.pitwall.ops.canary.CanarySession;
import dev.pitwall.ops.canary.CanarySettings;
import dev.pitwall.ops.canary.GateReading;
import dev.pitwall.ops.canary.GateThresholds;
import dev.pitwall.ops.canary.Preflight;
import dev.pitwall.ops.canary.TimelineEvent;
import dev.pitwall.ops.guard.Confirmer;
import dev.pitwall.ops.guard.LeaseHeld;
import dev.pitwall.ops.guard.WriteGuard;
import dev.pitwall.ops.rollback.ClusterException;
import dev.pitwall.ops.rollback.WorkloadRef;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code pitwall canary start|status|pause|resume|promote|abort WORKLOAD}: canaries of worker workloads, headless.
 *
 * <p>How a headless canary keeps its gates evaluated: {@code start} stays in the foreground and evaluates every
 * {@code --every} until the canary is promoted or aborted, printing what happens. The other verbs are short: they
 * read the canary from the cluster (its annotations) and the local journal, change it there, and exit; the
 * foreground process sees the change at its next evaluation. If the foreground process dies (a closed terminal, a
 * crash), nothing is lost: the canary keeps its share of the pods, and running {@code start} again with the same
 * image picks it up where it is (as does the console). While nobody drives it, no gate is evaluated: that is why
 * {@code start} does not detach.
 *
 * <p>Every verb but status writes through the write guard: refused on a read-only connection, on another cluster
 * than the canary's, on a workload recreated since; confirmed on production by the typed
 * {@code <context>/<namespace>/<workload>} (or {@code --yes}); a pause or abort is conditioned on the canary's
 * version, so a driver in the middle of an evaluation cannot undo it.
 */
public final class CanaryCommand implements Command {

    /** Exit code when preflight refuses a start, or the canary's phase does not allow the asked change. */
    public static final int REFUSED = 3;
    /** Exit code when the workload has no canary. */
    public static final int NO_CANARY = 4;

    /** Evaluations that may fail in a row (a back-end away) before start gives up driving the canary. */
    static final int MAX_FAILED_EVALUATIONS = 10;

    private static final List<String> VERBS = List.of("start", "status", "pause", "resume", "promote", "abort");

    private final Supplier<CanarySession> sessions;
    private final Supplier<WriteGuard> guard;
    private final Terminal terminal;
    private final CanaryEngine.Pause pause;

    /**
     * @param guard    the connection's write guard: a write verb is refused before anything is opened
     * @param terminal where a production write asks for the typed confirmation
     * @param pause    waits between evaluations (real time headless, simulated time in tests)
     */
    public CanaryCommand(Supplier<CanarySession> sessions, Supplier<WriteGuard> guard, Terminal terminal,
                         CanaryEngine.Pause pause) {
        this.sessions = sessions;
        this.guard = guard;
        this.terminal = terminal;
        this.pause = pause;
    }

    @Override
    public String name() {
        return "canary";
    }

    @Override
    public String summary() {
        return "roll a new worker template out to a share of the pods first, gated against the stable pods";
    }

    @Override
    public String synopsis() {
        return "start WORKLOAD --image IMAGE [--env K=V ...] [--steps 1,25,50,100] [--hold 10m] [--plan FILE]\n"
                + "                     [--namespace NS] [--env-from-secret K=SECRET_NAME:KEY ...] [--yes]\n"
                + "       pitwall canary status WORKLOAD [--json] [--namespace NS]\n"
                + "       pitwall canary pause|resume|promote|abort WORKLOAD [--namespace NS] [--yes]\n"
                + "\n"
                + "  start runs in the foreground, evaluating the gates every --every, until the canary is\n"
                + "  promoted or aborted; the other verbs change it from any terminal. Run start again with the\n"
                + "  same image to pick up a canary whose terminal was closed. One process drives a canary at a\n"
                + "  time: each evaluation renews a lease on it (three --every, at least 1m); a start that finds\n"
                + "  another driver's lease unexpired refuses, and a driver that stopped lets go when it runs out.\n"
                + "\n"
                + "  exit codes: 0 promoted (start), a canary exists and was not aborted (status), done (pause,\n"
                + "  resume, promote, abort); 1 aborted (start), the last canary was aborted (status), or a\n"
                + "  back-end failed; 2 usage error; 3 refused: preflight failed (nothing changed), the canary\n"
                + "  is in a phase that does not allow it, or another process drives it;\n"
                + "  4 the workload has no canary";
    }

    @Override
    public List<OptionSpec> options() {
        GateThresholds d = GateThresholds.DEFAULTS;
        return List.of(
                OptionSpec.value("--namespace", "NS", "the workload's namespace (default: default)"),
                OptionSpec.value("--image", "IMAGE", "start: the new image"),
                OptionSpec.repeated("--env", "K=V", "start: an env variable of the new template (not for secrets: "
                        + "K may not contain KEY, TOKEN, SECRET or PASSWORD)"),
                OptionSpec.repeated("--env-from-secret", "K=SECRET:KEY", "start: an env variable of the new template "
                        + "taken from key KEY of the Kubernetes Secret SECRET (the value never passes through Pitwall)"),
                OptionSpec.value("--steps", "PCTS", "start: shares of the pods, rounded up (default 1,25,50,100: "
                        + "one pod first)"),
                OptionSpec.value("--hold", "DURATION", "start: how long each step is held (default 10m)"),
                OptionSpec.value("--every", "DURATION", "start: how often the gates are evaluated (default 30s, more "
                        + "than 0)"),
                OptionSpec.value("--plan", "FILE", "start: the tested rollback plan to rely on (default: the newest "
                        + "one saved for the workload in the state directory)"),
                Terminal.YES,
                OptionSpec.value("--max-failure-delta", "POINTS", "gate: canary failure rate above stable, in "
                        + "percentage points (default " + d.maxFailureRateDelta() + ")"),
                OptionSpec.value("--min-runs", "N", "gate: canary runs before the failure rate is judged "
                        + "(default " + d.minRuns() + ")"),
                OptionSpec.value("--max-restarts", "N", "gate: restarts per canary pod (default " + d.maxRestarts()
                        + "; a crash-loop always fails)"),
                OptionSpec.value("--max-fill-rate", "MIB_PER_MIN", "gate: cache growth per canary pod (default "
                        + d.maxFillMibPerMinute() + ")"),
                OptionSpec.value("--min-time-to-full", "DURATION", "gate: soonest a canary cache may be full "
                        + "(default 2h)"),
                OptionSpec.value("--heartbeat-grace", "DURATION", "gate: how long a ready canary pod may be "
                        + "silent (default 3m)"),
                OptionSpec.value("--max-queue-growth", "N", "gate: more waiting jobs than at the start (default "
                        + d.maxQueueGrowth() + ")"),
                OptionSpec.flag("--json", "status: one JSON document"));
    }

    @Override
    public int run(ParsedArgs args, PrintStream out, PrintStream err) throws Exception {
        List<String> words = args.positionals();
        if (words.size() != 2) {
            throw new UsageException(words.isEmpty() ? "canary needs a verb: " + String.join(", ", VERBS)
                    : "canary " + words.get(0) + " needs exactly one workload");
        }
        String verb = words.get(0);
        if (!VERBS.contains(verb)) {
            throw new UsageException("unknown canary verb: " + verb);
        }
        CanarySettings settings = verb.equals("start") ? CanaryStartOptions.settings(args) : null;
        Path plan = args.value("--plan").map(Path::of).orElse(null);
        Duration every = args.value("--every").map(t -> DurationText.parse("--every", t))
                .orElse(Duration.ofSeconds(30));
        if (every.isZero()) {
            throw new UsageException("--every must be more than 0: a driver evaluates the gates every interval");
        }
        if (!verb.equals("status")) {
            guard.get().admit(BackendKind.KUBERNETES); // refused before anything is read or connected
        }
        try (CanarySession session = sessions.get()) {
            CanaryEngine engine = session.engine();
            WorkloadRef workload = engine.workload(args.value("--namespace").orElse("default"), words.get(1));
            Confirmer confirmer = terminal.confirmer(args, engine.confirmationFor(workload).isPresent(), err);
            return switch (verb) {
                case "start" -> start(engine, workload, settings, plan, every, confirmer, out, err);
                case "status" -> status(engine, workload, args.has("--json"), out, err);
                default -> control(engine, workload, verb, confirmer, out, err);
            };
        } catch (CanaryEngine.NoCanary e) {
            err.println("pitwall canary: " + e.getMessage());
            return NO_CANARY;
        } catch (IllegalArgumentException | ClusterException | UncheckedIOException e) {
            err.println("pitwall canary: " + e.getMessage());
            return 1;
        }
    }

    private int start(CanaryEngine engine, WorkloadRef workload, CanarySettings settings, Path plan, Duration every,
                      Confirmer confirmer, PrintStream out, PrintStream err) throws InterruptedException {
        Optional<CanaryRecord> existing = engine.find(workload).filter(r -> !r.phase().isFinal());
        CanaryRecord r;
        if (existing.isPresent() && existing.get().settings().image().equals(settings.image())) {
            r = existing.get();
            out.println("resuming the canary of " + workload + ": " + r.phase() + ", " + r.stepText());
        } else {
            try {
                r = engine.start(workload, settings, plan, confirmer);
            } catch (CanaryRefused e) {
                err.println("canary refused, nothing changed:");
                printPreflight(e.preflight(), err);
                return REFUSED;
            }
        }
        int shown = 0;
        int failures = 0;
        CanaryDriver me = engine.driver("canary start", every);
        while (true) {
            try {
                r = engine.evaluate(workload, me);
                failures = 0;
            } catch (LeaseHeld e) {
                err.println("pitwall canary: not driving it: " + e.reason() + "; follow it with `pitwall "
                        + "canary status " + workload.name() + " --namespace " + workload.namespace() + "`");
                return REFUSED;
            } catch (ClusterException | UncheckedIOException e) {
                // a back-end blip must not end the driving of a canary that is still out there
                if (++failures >= MAX_FAILED_EVALUATIONS) {
                    err.println("pitwall canary: " + failures + " evaluations in a row failed (" + e.getMessage()
                            + "); the canary is left as it is: `pitwall canary status " + workload.name()
                            + "`, `pitwall canary abort " + workload.name() + "`, or `pitwall canary start` again");
                    return 1;
                }
                err.println("evaluation failed, trying again in " + every.toSeconds() + "s: " + e.getMessage());
                pause.sleep(every);
                continue;
            }
            for (TimelineEvent event : r.timeline().subList(Math.min(shown, r.timeline().size()), r.timeline().size())) {
                out.println(event.at() + "  " + event.text());
            }
            shown = r.timeline().size();
            if (r.phase().isFinal()) {
                break;
            }
            pause.sleep(every);
        }
        if (r.phase() == CanaryPhase.PROMOTED) {
            out.println("PROMOTED: " + workload + " runs " + r.settings().image());
            return 0;
        }
        printAbort(r.abortReason(), out);
        return 1;
    }

    private static void printPreflight(Preflight preflight, PrintStream to) {
        for (Preflight.Check check : preflight.checks()) {
            to.println((check.ok() ? "  ok    " : "  FAIL  ") + check.name() + ": " + check.detail());
        }
    }

    private static void printAbort(AbortReason reason, PrintStream out) {
        out.println("ABORTED: " + (reason == null ? "(no reason recorded)" : reason.text()));
    }

    private int status(CanaryEngine engine, WorkloadRef workload, boolean json, PrintStream out, PrintStream err) {
        Optional<CanaryRecord> found = engine.find(workload);
        if (found.isEmpty()) {
            throw new CanaryEngine.NoCanary(workload);
        }
        CanaryRecord r = found.get();
        if (json) {
            out.println(CliJson.write(CanaryStatusJson.of(engine, r)));
        } else {
            out.println("canary of " + workload + ": " + r.phase() + ", " + r.stepText());
            out.println("  image " + r.settings().image() + (r.settings().env().isEmpty() ? ""
                    : ", env " + r.settings().env()) + (r.settings().envFromSecret().isEmpty() ? ""
                    : ", " + r.settings().envFromSecretText()) + "; hold " + r.settings().hold().toMinutes() + "m per step"
                    + (r.phase() == CanaryPhase.RUNNING ? ", this step ends " + engine.stepEndsAt(r) : ""));
            if (!r.phase().isFinal()) {
                out.println(engine.driverOf(workload).map(l -> "  driven by " + l.driver() + " (lease until "
                        + l.until() + ")").orElse("  NOBODY DRIVES IT: its gates are not evaluated; run `pitwall "
                        + "canary start " + workload.name() + " --namespace " + workload.namespace() + " --image "
                        + r.settings().image() + "`"));
            }
            if (r.abortReason() != null) {
                printAbort(r.abortReason(), out);
            }
            for (GateReading g : r.gates()) {
                out.printf("  %-11s %-24s %s (threshold: %s)%n", g.verdict(), g.gate().label(), g.measured(),
                        g.threshold());
            }
            r.timeline().forEach(e -> out.println("  " + e.at() + "  " + e.text()));
        }
        return r.phase() == CanaryPhase.ABORTED ? 1 : 0;
    }

    private int control(CanaryEngine engine, WorkloadRef workload, String verb, Confirmer confirmer,
                        PrintStream out, PrintStream err) {
        try {
            CanaryRecord r = switch (verb) {
                case "pause" -> engine.pause(workload, confirmer);
                case "resume" -> engine.resume(workload, confirmer);
                case "promote" -> engine.promote(workload, confirmer);
                default -> engine.abort(workload, confirmer);
            };
            out.println(verb + ": the canary of " + workload + " is " + r.phase() + ", " + r.stepText());
            if (r.phase() == CanaryPhase.ABORTED) {
                printAbort(r.abortReason(), out);
            }
            if (verb.equals("promote")) {
                out.println("the canary is removed once " + workload.name() + " has rolled out; `pitwall canary "
                        + "start` with the same image, or the console, follows it until then");
            }
            return 0;
        } catch (IllegalStateException e) {
            err.println("pitwall canary " + verb + ": " + e.getMessage());
            return REFUSED;
        }
    }
}
