package dev.pitwall.cli;

import dev.pitwall.model.FlowRun;
import dev.pitwall.ops.guard.Confirmer;
import dev.pitwall.ops.replay.FailedJobRef;
import dev.pitwall.ops.replay.ReplaySource;
import dev.pitwall.ops.replay.JournalState;
import dev.pitwall.ops.replay.Pacer;
import dev.pitwall.ops.replay.QueueDepthGauge;
import dev.pitwall.ops.replay.ReplayControl;
import dev.pitwall.ops.replay.ReplayFiles;
import dev.pitwall.ops.replay.ReplayJournal;
import dev.pitwall.ops.replay.ReplayPlan;
import dev.pitwall.ops.replay.ReplayPlanner;
import dev.pitwall.ops.replay.ReplayProgress;
import dev.pitwall.ops.replay.ReplayReport;
import dev.pitwall.ops.replay.ReplayRuns;
import dev.pitwall.ops.replay.ReplaySettings;
import dev.pitwall.ops.runs.FlowRunSource;
import dev.pitwall.ops.runs.PlatformException;
import dev.pitwall.ops.runs.RetryStrategy;
import dev.pitwall.ops.runs.RunPage;
import dev.pitwall.ops.runs.RunQuery;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code pitwall replay plan|run|resume|status}: bulk replay of failed executions from their failed step, headless.
 * Needs only the platform URL and key; Redis, when given, feeds the queue-depth throttle. A run or resume goes
 * through the write guard: refused (exit 3) on a read-only connection or for a plan or journal of another platform
 * or Redis; on production the typed {@code <host>/replay/<runs>} or {@code --yes}.
 */
public final class ReplayCommand implements Command {

    private final Supplier<FlowRunSource> runs;
    private final Supplier<ReplayRuns> replays;
    private final Function<String, Iterable<FailedJobRef>> failedJobs;
    private final Supplier<QueueDepthGauge> gauge;
    private final ReplayFiles files;
    private final Terminal terminal;
    private final Clock clock;

    /**
     * @param replays    replays through the connection's write guard (to the platform, or BullMQ through Redis)
     * @param failedJobs the failed set of a BullMQ queue, for plans of queues without a platform API
     * @param terminal   where a production replay asks for the typed confirmation
     */
    public ReplayCommand(Supplier<FlowRunSource> runs, Supplier<ReplayRuns> replays,
                         Function<String, Iterable<FailedJobRef>> failedJobs, Supplier<QueueDepthGauge> gauge,
                         ReplayFiles files, Terminal terminal, Clock clock) {
        this.runs = runs;
        this.replays = replays;
        this.failedJobs = failedJobs;
        this.gauge = gauge;
        this.files = files;
        this.terminal = terminal;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public String summary() {
        return "plan, run, resume and inspect bulk replays of failed runs from their failed step";
    }

    @Override
    public String synopsis() {
        return "plan [FILTERS] [--strategy S] --out PLAN.json\n"
                + "       pitwall replay plan --queue NAME --out PLAN.json   (BullMQ failed set, no platform API)\n"
                + "       pitwall replay run PLAN.json [--rate N] [--max-queue-depth N] [--canary N] [--journal FILE] "
                + "[--yes]\n"
                + "       pitwall replay resume JOURNAL [--yes]\n"
                + "       pitwall replay status JOURNAL [--json]";
    }

    @Override
    public List<OptionSpec> options() {
        List<OptionSpec> specs = new ArrayList<>(RunFilterOptions.SPECS);
        specs.add(OptionSpec.value("--strategy", "S", "FROM_FAILED_STEP (default) or ON_LATEST_VERSION"));
        specs.add(OptionSpec.value("--out", "FILE", "where plan writes the plan (JSON)"));
        specs.add(OptionSpec.value("--queue", "NAME", "plan from this BullMQ queue's failed set (needs --redis)"));
        specs.add(OptionSpec.value("--rate", "N", "runs per second at most (default: no limit)"));
        specs.add(OptionSpec.value("--max-queue-depth", "N", "pause while a queue holds more than N waiting jobs"));
        specs.add(OptionSpec.value("--canary", "N", "runs of each group replayed first (default 1; 0 = none)"));
        specs.add(OptionSpec.value("--journal", "FILE", "the journal (default: in the state directory)"));
        specs.add(OptionSpec.value("--batch-size", "N", "runs per bulk request (default 500)"));
        specs.add(OptionSpec.value("--follow-up", "DURATION", "how long to follow replayed runs (default 10m)"));
        specs.add(OptionSpec.flag("--json", "status: print the report as JSON"));
        specs.add(Terminal.YES);
        return specs;
    }

    @Override
    public int run(ParsedArgs args, PrintStream out, PrintStream err) throws Exception {
        List<String> words = args.positionals();
        if (words.isEmpty()) {
            throw new UsageException("replay needs a verb: plan, run, resume or status");
        }
        return switch (words.get(0)) {
            case "plan" -> plan(args, out, err);
            case "run" -> run(args, one(words, "run needs the plan file"), out, err);
            case "resume" -> resume(args, one(words, "resume needs the journal file"), out, err);
            case "status" -> status(args, one(words, "status needs the journal file"), out);
            default -> throw new UsageException("unknown replay verb: " + words.get(0));
        };
    }

    private static Path one(List<String> words, String missing) {
        if (words.size() != 2) {
            throw new UsageException(missing);
        }
        return Path.of(words.get(1));
    }

    private int plan(ParsedArgs args, PrintStream out, PrintStream err) throws Exception {
        Path file = args.value("--out").map(Path::of).orElseThrow(() -> new UsageException("plan needs --out FILE"));
        ReplayPlanner planner = new ReplayPlanner(clock, ReplayPlanner.DEFAULT_RETENTION);
        ReplayPlan plan;
        if (args.has("--queue")) {
            String queue = args.value("--queue").orElseThrow();
            plan = planner.planJobs(failedJobs.apply(queue), "every job in the failed set of BullMQ queue " + queue,
                    replays.get().identity(ReplaySource.BULLMQ));
        } else {
            RetryStrategy strategy = strategy(args);
            RunQuery query = RunFilterOptions.query(args, clock);
            FlowRunSource source = runs.get();
            plan = planner.plan(() -> pages(source, query), strategy, RunFilterOptions.describe(query),
                    replays.get().identity(ReplaySource.PLATFORM));
        }
        files.savePlan(plan, file);
        out.printf("plan %s: %,d runs to replay, %,d excluded -> %s%n", plan.id(), plan.items().size(),
                plan.exclusions().size(), file);
        plan.countsByGroup().forEach((group, n) -> out.printf("  %,8d  %s%n", n, group));
        plan.exclusionsByReason().forEach((reason, n) -> out.printf("  excluded %,d: %s%n", n, reason));
        return 0;
    }

    private int run(ParsedArgs args, Path planFile, PrintStream out, PrintStream err) throws Exception {
        ReplayPlan plan = files.loadPlan(planFile);
        ReplayRuns guarded = replays.get();
        guarded.admit(plan, false); // refused before a journal is written or a client opened
        ReplaySettings settings = settings(args);
        Path journalFile = args.value("--journal").map(Path::of).orElse(files.defaultJournal(plan));
        ReplayJournal journal = files.journal(journalFile);
        err.println("journal: " + journalFile + "  (resume with: pitwall replay resume " + journalFile + ")");
        QueueDepthGauge depth = settings.maxQueueDepth() > 0 ? gauge.get() : null;
        if (settings.maxQueueDepth() > 0 && depth == null) {
            throw new UsageException("--max-queue-depth needs Redis: give --redis or a profile with Redis");
        }
        return finish(guarded.start(plan, settings, journal, depth, Pacer.system(), new ReplayControl(),
                progressPrinter(err), confirmer(args, guarded, plan, err)), journalFile, out);
    }

    private Confirmer confirmer(ParsedArgs args, ReplayRuns guarded, ReplayPlan plan, PrintStream err) {
        return terminal.confirmer(args, guarded.confirmationFor(plan).isPresent(), err);
    }

    private int resume(ParsedArgs args, Path journalFile, PrintStream out, PrintStream err) throws Exception {
        ReplayJournal journal = files.journal(journalFile);
        if (journal.readAll().isEmpty()) {
            throw new UsageException("no replay journal at " + journalFile);
        }
        journal.problems().forEach(p -> err.println("note: " + p));
        JournalState before = JournalState.of(journal.readAll());
        ReplayRuns guarded = replays.get();
        guarded.admit(before.plan(), true);
        QueueDepthGauge depth = before.settings().maxQueueDepth() > 0 ? gauge.get() : null;
        return finish(guarded.resume(journal, depth, Pacer.system(), new ReplayControl(), progressPrinter(err),
                confirmer(args, guarded, before.plan(), err)), journalFile, out);
    }

    private int status(ParsedArgs args, Path journalFile, PrintStream out) {
        ReplayJournal journal = files.journal(journalFile);
        List<dev.pitwall.ops.replay.JournalEntry> entries = journal.readAll();
        if (entries.isEmpty()) {
            throw new UsageException("no replay journal at " + journalFile);
        }
        ReplayReport report = ReplayReport.of(JournalState.of(entries));
        out.print(args.has("--json") ? CliJson.write(report) + "\n" : report.toMarkdown());
        return 0;
    }

    private int finish(JournalState state, Path journalFile, PrintStream out) throws Exception {
        ReplayReport report = ReplayReport.of(state);
        String base = journalFile.toString().replaceFirst("\\.journal\\.jsonl$|\\.jsonl$", "");
        files.saveReport(report, Path.of(base + ".report.json"), Path.of(base + ".report.md"));
        out.print(report.toMarkdown());
        boolean clean = state.isCompleted() && report.failedAgain() == 0 && report.stuckQueued() == 0
                && report.unfinished() == 0;
        return clean ? 0 : 1;
    }

    private ReplaySettings settings(ParsedArgs args) {
        ReplaySettings s = ReplaySettings.defaults()
                .withRate(args.doubleValue("--rate", 0))
                .withMaxQueueDepth(args.longValue("--max-queue-depth", 0))
                .withCanary((int) args.longValue("--canary", 1))
                .withBatchSize((int) args.longValue("--batch-size", 500));
        if (args.has("--follow-up")) {
            java.time.Duration follow = RunFilterOptions.duration(args.value("--follow-up").orElseThrow());
            s = s.withFollowUp(follow, s.stuckAfter().compareTo(follow) < 0 ? s.stuckAfter() : follow, s.pollEvery());
        }
        return s;
    }

    private static RetryStrategy strategy(ParsedArgs args) {
        String s = args.value("--strategy").orElse("FROM_FAILED_STEP").toUpperCase(Locale.ROOT);
        try {
            return RetryStrategy.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--strategy must be FROM_FAILED_STEP or ON_LATEST_VERSION; got: " + s);
        }
    }

    /** Prints progress at most every two seconds, and every phase change. */
    private static Consumer<ReplayProgress> progressPrinter(PrintStream err) {
        long[] last = {0};
        String[] lastPhase = {""};
        return p -> {
            long now = System.nanoTime();
            if (!p.phase().equals(lastPhase[0]) || now - last[0] > 2_000_000_000L) {
                last[0] = now;
                lastPhase[0] = p.phase();
                err.printf("%s: %,d/%,d sent, %,d accepted, %,d rejected, %,d succeeded, %,d failed again %s%n",
                        p.phase(), p.sent(), p.total(), p.accepted(), p.rejected(), p.succeeded(), p.failedAgain(),
                        p.message().isEmpty() ? "" : "- " + p.message());
            }
        };
    }

    /** Every run of the query, page by page, read lazily so that a million runs never sit in memory twice. */
    static Iterator<FlowRun> pages(FlowRunSource source, RunQuery query) {
        return new Iterator<>() {
            private Iterator<FlowRun> current = List.<FlowRun>of().iterator();
            private String cursor;
            private boolean done;

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && !done) {
                    RunPage page = fetch();
                    current = page.runs().iterator();
                    cursor = page.next();
                    done = page.isLast();
                }
                return current.hasNext();
            }

            private RunPage fetch() {
                try {
                    return source.page(query, cursor, 1000);
                } catch (PlatformException e) {
                    throw new IllegalStateException("the platform failed while listing runs: " + e.getMessage(), e);
                }
            }

            @Override
            public FlowRun next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }
}
