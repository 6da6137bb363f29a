package dev.pitwall.cli;

import dev.pitwall.model.RunStatus;
import dev.pitwall.ops.runs.RunQuery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The run filters shared by {@code runs failed} and {@code replay plan}. */
public final class RunFilterOptions {

    public static final List<OptionSpec> SPECS = List.of(
            OptionSpec.value("--last", "DURATION", "runs created in the last DURATION (30m, 6h, 2d); default 6h"),
            OptionSpec.value("--since", "TIME", "runs created at or after TIME (ISO-8601, e.g. 2026-11-28T01:00:00Z)"),
            OptionSpec.value("--until", "TIME", "runs created before TIME (ISO-8601)"),
            OptionSpec.value("--project", "ID", "only this project"),
            OptionSpec.repeated("--flow", "ID", "only this flow"),
            OptionSpec.value("--step", "NAME", "only runs that failed at this step name"),
            OptionSpec.value("--message", "TEXT", "only runs whose failed-step message contains TEXT"),
            OptionSpec.repeated("--status", "STATUS", "only these failed statuses (default: every failed status)"));

    private RunFilterOptions() {
    }

    public static RunQuery query(ParsedArgs args, Clock clock) {
        Instant now = clock.instant();
        if (args.has("--last") && (args.has("--since") || args.has("--until"))) {
            throw new UsageException("use either --last or --since/--until, not both");
        }
        Instant since = args.value("--since").map(v -> time("--since", v))
                .orElseGet(() -> now.minus(duration(args.value("--last").orElse("6h"))));
        Instant until = args.value("--until").map(v -> time("--until", v)).orElse(null);
        List<String> statuses = new ArrayList<>();
        for (String s : args.values("--status")) {
            statuses.add(s.toUpperCase(Locale.ROOT));
        }
        if (statuses.isEmpty()) {
            statuses.addAll(RunStatus.failedStates().stream().sorted().toList());
        }
        return new RunQuery(args.value("--project").orElse(null), args.values("--flow"), statuses, since, until,
                args.value("--step").orElse(null), args.value("--message").orElse(null), List.of());
    }

    /** A readable account of the filter, for plans and reports. */
    public static String describe(RunQuery q) {
        StringBuilder b = new StringBuilder("runs in ").append(String.join("/", q.statuses()));
        b.append(" created from ").append(q.createdAfter());
        b.append(q.createdBefore() == null ? " to now" : " to " + q.createdBefore());
        if (q.projectId() != null) {
            b.append(", project ").append(q.projectId());
        }
        if (!q.flowIds().isEmpty()) {
            b.append(", flows ").append(String.join(",", q.flowIds()));
        }
        if (q.failedStepName() != null) {
            b.append(", failed at step ").append(q.failedStepName());
        }
        if (q.failedStepMessage() != null) {
            b.append(", message containing \"").append(q.failedStepMessage()).append('"');
        }
        return b.toString();
    }

    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new UsageException("a duration is a number and a unit s, m, h or d (e.g. 6h); got: " + text);
        }
    }

    private static Instant time(String option, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " needs an ISO-8601 time like 2026-11-28T01:00:00Z; got: " + value);
        }
    }
}
