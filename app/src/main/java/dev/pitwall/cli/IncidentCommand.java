package dev.pitwall.cli;

import dev.pitwall.ops.report.IncidentReport;
import dev.pitwall.ops.report.IncidentReportWriter;
import dev.pitwall.ops.report.ReportSources;
import dev.pitwall.ops.timeline.IncidentTimeline;
import dev.pitwall.ops.timeline.IncidentWindow;
import dev.pitwall.ops.timeline.TimelineEntry;
import dev.pitwall.ops.timeline.TimelineKind;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code pitwall incident timeline|report}: the incident timeline of a window, and its report (the postmortem
 * skeleton) as Markdown and JSON files, headless. Both exit 1 when the audit log fails its hash-chain check (the
 * output is still produced, with the problem in it), and both say what the check can prove (keyed or not).
 */
public final class IncidentCommand implements Command {

    static final Duration DEFAULT_LOOKBACK = Duration.ofHours(1);
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Supplier<ReportSources> sources;
    private final IncidentReportWriter writer;
    private final Path defaultOut;
    private final Clock clock;
    private final ZoneId zone;

    /** @param defaultOut where reports go without --out (the state directory's incidents folder) */
    public IncidentCommand(Supplier<ReportSources> sources, IncidentReportWriter writer, Path defaultOut, Clock clock,
                           ZoneId zone) {
        this.sources = sources;
        this.writer = writer;
        this.defaultOut = defaultOut;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "incident";
    }

    @Override
    public String summary() {
        return "the incident timeline, and the incident report (postmortem skeleton) as Markdown and JSON";
    }

    @Override
    public String synopsis() {
        return "timeline [--from T] [--to T] [--kind KIND]... [--json]\n"
                + "       pitwall incident report --from T [--to T] [--out DIR] [--json]\n"
                + "       T: an ISO instant (2026-11-28T04:05:00Z), a local time (2026-11-28T05:05), or a time "
                + "ago (90m, 2h)\n"
                + "       KIND: " + Arrays.stream(TimelineKind.values()).map(TimelineKind::id)
                .collect(Collectors.joining(", ")) + "\n"
                + "\n"
                + "  The audit log is checked first (exit 1 when it was edited or cut). Its chain is keyed (HMAC)\n"
                + "  when PITWALL_AUDIT_KEY_ENV, or the profile's auditKeyEnv, names the variable holding a key:\n"
                + "  then even an edit with the chain recomputed shows. Unkeyed, it detects accidents, not forgery.\n"
                + "  Not detected yet: the log and its head deleted together.";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.value("--from", "T", "start of the window (timeline default: 1h ago)"),
                OptionSpec.value("--to", "T", "end of the window (default: now; the incident is then still open)"),
                OptionSpec.repeated("--kind", "KIND", "timeline: only entries of this kind (repeatable)"),
                OptionSpec.value("--out", "DIR", "report: where incident-<start>.md and .json go (default: the "
                        + "state directory's incidents folder)"),
                OptionSpec.flag("--json", "timeline: print JSON; report: print the JSON report instead of the "
                        + "Markdown"));
    }

    @Override
    public int run(ParsedArgs args, PrintStream out, PrintStream err) throws Exception {
        List<String> words = args.positionals();
        if (words.size() != 1 || !List.of("timeline", "report").contains(words.get(0))) {
            throw new UsageException("incident needs one verb: timeline or report");
        }
        Instant now = clock.instant();
        boolean report = words.get(0).equals("report");
        if (report && !args.has("--from")) {
            throw new UsageException("incident report needs --from T: the start of the incident");
        }
        Instant from = args.value("--from").map(t -> time("--from", t, now)).orElse(now.minus(DEFAULT_LOOKBACK));
        Instant to = args.value("--to").map(t -> time("--to", t, now)).orElse(null);
        if (to != null && to.isBefore(from)) {
            throw new UsageException("--to (" + to + ") is before --from (" + from + ")");
        }
        List<TimelineKind> kinds = new ArrayList<>();
        for (String k : args.values("--kind")) {
            kinds.add(TimelineKind.byId(k).orElseThrow(() -> new UsageException("unknown --kind " + k + "; one of "
                    + Arrays.stream(TimelineKind.values()).map(TimelineKind::id).collect(Collectors.joining(", ")))));
        }
        IncidentWindow window = new IncidentWindow(from, to);
        try (ReportSources s = sources.get()) {
            s.notes().forEach(n -> err.println("pitwall incident: note: " + n));
            return report ? report(s, window, args, out, err) : timeline(s, window, kinds, args.has("--json"), out,
                    err);
        }
    }

    private int timeline(ReportSources s, IncidentWindow window, List<TimelineKind> kinds, boolean json,
                         PrintStream out, PrintStream err) {
        Instant end = window.endOr(clock.instant());
        IncidentTimeline.Result result = s.timeline().read(window.start(), end).only(kinds);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("from", window.start().toString());
            doc.put("to", end.toString());
            doc.put("entries", result.entries().stream().map(IncidentCommand::entryJson).toList());
            doc.put("problems", result.problems());
            doc.put("auditProtection", s.audit().protection().text());
            out.println(CliJson.write(doc));
        } else {
            if (result.entries().isEmpty()) {
                out.println("nothing recorded between " + HMS.format(window.start().atZone(zone)) + " and "
                        + HMS.format(end.atZone(zone)));
            }
            for (TimelineEntry e : result.entries()) {
                out.println(HMS.format(e.at().atZone(zone)) + "  " + level(e.level()) + "  " + e.kind().id() + "  "
                        + e.subject() + "  " + e.text() + (e.actor() == null ? "" : "  [by " + e.actor() + "]"));
            }
        }
        result.problems().forEach(p -> err.println("pitwall incident: " + p));
        err.println("pitwall incident: audit log: " + s.audit().protection().text());
        return result.problems().stream().anyMatch(p -> p.contains("TAMPERED")) ? 1 : 0;
    }

    private int report(ReportSources s, IncidentWindow window, ParsedArgs args, PrintStream out, PrintStream err)
            throws Exception {
        IncidentReport report = s.reporter(clock).build(window);
        Path dir = args.value("--out").map(Path::of).orElse(defaultOut);
        List<Path> files = writer.write(report, dir);
        out.print(args.has("--json") ? writer.json(report) : writer.markdown(report));
        err.println("pitwall incident: written " + files.stream().map(Path::toString)
                .collect(Collectors.joining(" and ")));
        report.problems().forEach(p -> err.println("pitwall incident: incomplete: " + p));
        if (!report.auditIntact()) {
            err.println("pitwall incident: the audit log is TAMPERED OR TRUNCATED: "
                    + String.join("; ", report.auditProblems()));
            return 1;
        }
        return 0;
    }

    private static Map<String, Object> entryJson(TimelineEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", e.at().toString());
        m.put("kind", e.kind().id());
        m.put("level", e.level().name().toLowerCase());
        m.put("subject", e.subject());
        m.put("text", e.text());
        m.put("actor", e.actor());
        return m;
    }

    private static String level(TimelineEntry.Level level) {
        return switch (level) {
            case CRITICAL -> "\u2716 CRITICAL";
            case WARNING -> "\u26A0 WARNING ";
            case INFO -> "\u2139 INFO    ";
        };
    }

    private Instant time(String option, String text, Instant now) {
        String t = text.trim();
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDateTime.parse(t).atZone(zone).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    return now.minus(DurationText.parse(option, t));
                } catch (UsageException notAgo) {
                    throw new UsageException("option " + option + " needs a time: an ISO instant like "
                            + "2026-11-28T04:05:00Z, a local time like 2026-11-28T05:05, or a time ago like 90m; "
                            + "got: " + text);
                }
            }
        }
    }
}
