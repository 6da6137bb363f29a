package dev.pitwall.cli;

import dev.pitwall.model.FlowRun;
import dev.pitwall.ops.runs.FlowRunSource;
import dev.pitwall.ops.runs.RunGroup;
import dev.pitwall.ops.runs.RunGrouping;
import dev.pitwall.ops.runs.RunQuery;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code pitwall runs failed [FILTERS] [--group-by signature] [--json | --csv]}: failed runs from the platform,
 * streamed page by page (no limit on count), or grouped by flow, failed step and error signature.
 */
public final class RunsCommand implements Command {

    private final Supplier<FlowRunSource> runs;
    private final Clock clock;

    public RunsCommand(Supplier<FlowRunSource> runs, Clock clock) {
        this.runs = runs;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "runs";
    }

    @Override
    public String summary() {
        return "list failed runs from the platform, or group them by failed step and error signature";
    }

    @Override
    public String synopsis() {
        return "failed [--last 6h | --since T --until T] [--project ID] [--flow ID] [--step NAME] [--message TEXT]"
                + " [--group-by signature] [--json | --csv]";
    }

    @Override
    public List<OptionSpec> options() {
        List<OptionSpec> specs = new ArrayList<>(RunFilterOptions.SPECS);
        specs.add(OptionSpec.value("--group-by", "signature", "one line per group (flow, failed step, signature)"));
        specs.add(OptionSpec.flag("--json", "JSON Lines: one run (or group) per line"));
        specs.add(OptionSpec.flag("--csv", "CSV with a header line"));
        return specs;
    }

    @Override
    public int run(ParsedArgs args, PrintStream out, PrintStream err) {
        if (args.positionals().size() != 1 || !args.positionals().get(0).equals("failed")) {
            throw new UsageException("runs needs the verb 'failed'");
        }
        if (args.has("--json") && args.has("--csv")) {
            throw new UsageException("choose one of --json and --csv");
        }
        args.value("--group-by").filter(v -> !v.equals("signature")).ifPresent(v -> {
            throw new UsageException("--group-by takes only 'signature'; got: " + v);
        });
        RunQuery query = RunFilterOptions.query(args, clock);
        Iterator<FlowRun> all = ReplayCommand.pages(runs.get(), query);
        if (args.has("--group-by")) {
            RunGrouping grouping = new RunGrouping();
            all.forEachRemaining(grouping::add);
            printGroups(grouping.groups(), args, out);
        } else {
            printRuns(all, args, out);
        }
        return 0;
    }

    private static void printRuns(Iterator<FlowRun> all, ParsedArgs args, PrintStream out) {
        if (args.has("--csv")) {
            out.println("id,projectId,flowId,status,created,failedStepName,failedStepDisplayName,failedStepMessage");
        }
        long n = 0;
        while (all.hasNext()) {
            FlowRun r = all.next();
            n++;
            if (args.has("--json")) {
                out.println(CliJson.write(runJson(r)));
            } else if (args.has("--csv")) {
                out.println(String.join(",", csv(r.id()), csv(r.projectId()), csv(r.flowId()), csv(r.status().raw()),
                        csv(str(r.created())), csv(r.failedStep() == null ? null : r.failedStep().name()),
                        csv(r.failedStep() == null ? null : r.failedStep().displayName()),
                        csv(r.failedStep() == null ? null : r.failedStep().message())));
            } else {
                out.printf("%-24s %-16s %-20s %-22s %s%n", r.id(), r.status(), str(r.created()),
                        r.failedStep() == null ? "(no failed step)" : r.failedStep().name(),
                        r.isMalformed() ? "malformed: " + r.problem()
                                : r.failedStep() == null ? "" : oneLine(r.failedStep().message()));
            }
        }
        if (!args.has("--json") && !args.has("--csv")) {
            out.printf("%,d failed runs%n", n);
        }
    }

    static Map<String, Object> runJson(FlowRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("projectId", r.projectId());
        m.put("flowId", r.flowId());
        m.put("status", r.status().raw());
        m.put("created", str(r.created()));
        if (r.failedStep() == null) {
            m.put("failedStep", null);
        } else {
            Map<String, Object> fs = new LinkedHashMap<>();
            fs.put("name", r.failedStep().name());
            fs.put("displayName", r.failedStep().displayName());
            fs.put("message", r.failedStep().message());
            m.put("failedStep", fs);
        }
        if (r.isMalformed()) {
            m.put("problem", r.problem());
        }
        return m;
    }

    private static void printGroups(List<RunGroup> groups, ParsedArgs args, PrintStream out) {
        if (args.has("--csv")) {
            out.println("count,flowId,failedStep,signature,firstSeen,lastSeen,exampleRunId");
        }
        for (RunGroup g : groups) {
            if (args.has("--json")) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("flowId", g.key().flowId());
                m.put("failedStep", g.key().failedStepName());
                m.put("signature", g.key().signature());
                m.put("count", g.count());
                m.put("firstSeen", str(g.firstSeen()));
                m.put("lastSeen", str(g.lastSeen()));
                m.put("exampleRunId", g.exampleRunId());
                out.println(CliJson.write(m));
            } else if (args.has("--csv")) {
                out.println(String.join(",", String.valueOf(g.count()), csv(g.key().flowId()),
                        csv(g.key().failedStepName()), csv(g.key().signature()), csv(str(g.firstSeen())),
                        csv(str(g.lastSeen())), csv(g.exampleRunId())));
            } else {
                out.printf("%,9d  %-20s %-14s %s%n", g.count(), g.key().flowId(), g.key().failedStepName(),
                        g.key().signature());
            }
        }
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ");
    }

    private static String csv(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
