package dev.pitwall.cli;

import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.model.FailedJob;
import dev.pitwall.model.FailedJobPage;
import dev.pitwall.model.QueueStats;
import dev.pitwall.ops.queues.FailedJobBrowser;
import dev.pitwall.ops.queues.QueueBackend;
import dev.pitwall.ops.queues.QueueBackendException;
import dev.pitwall.ops.queues.QueueBoard;
import dev.pitwall.ops.queues.QueueMonitor;
import dev.pitwall.ops.queues.QueueRow;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code pitwall queues [--json]}: the depth of every BullMQ queue; {@code pitwall queues failed QUEUE [--page N]
 * [--page-size N] [--json]}: one page of a queue's failed set, read from Redis alone. Exit 2 when Redis cannot be
 * reached.
 */
public final class QueuesCommand implements Command {

    private static final OptionSpec JSON = OptionSpec.flag("--json",
            "queues: a JSON array; queues failed: JSON Lines, one job per line");
    private static final OptionSpec PAGE = OptionSpec.value("--page", "N", "queues failed: page N, newest first (default 1)");
    private static final OptionSpec PAGE_SIZE = OptionSpec.value("--page-size", "N",
            "queues failed: jobs per page, 1 to " + FailedJobBrowser.MAX_PAGE_SIZE + " (default "
                    + FailedJobBrowser.DEFAULT_PAGE_SIZE + ")");

    private final Supplier<ConnectionProfile> profile;
    private final Function<ConnectionProfile, QueueBackend> backends;
    private final Clock clock;

    public QueuesCommand(Supplier<ConnectionProfile> profile, Function<ConnectionProfile, QueueBackend> backends,
                         Clock clock) {
        this.profile = profile;
        this.backends = backends;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "queues";
    }

    @Override
    public String summary() {
        return "BullMQ queue depth per state; 'queues failed QUEUE' pages a queue's failed jobs";
    }

    @Override
    public String synopsis() {
        return "[--json]\n       pitwall [OPTIONS] queues failed QUEUE [--page N] [--page-size N] [--json]";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(JSON, PAGE, PAGE_SIZE);
    }

    @Override
    public int run(ParsedArgs args, PrintStream out, PrintStream err) {
        List<String> words = args.positionals();
        boolean failed = !words.isEmpty() && words.get(0).equals("failed");
        if (failed && words.size() != 2) {
            throw new UsageException("queues failed needs exactly one queue name");
        }
        if (!failed && !words.isEmpty()) {
            throw new UsageException("unknown word: " + words.get(0) + " (did you mean 'queues failed QUEUE'?)");
        }
        if (!failed && (args.has(PAGE.name()) || args.has(PAGE_SIZE.name()))) {
            throw new UsageException("--page and --page-size go with 'queues failed QUEUE'");
        }
        int page = (int) Math.min(Integer.MAX_VALUE, args.longValue(PAGE.name(), 1));
        long size = args.longValue(PAGE_SIZE.name(), FailedJobBrowser.DEFAULT_PAGE_SIZE);
        if (page < 1) {
            throw new UsageException("--page must be 1 or more");
        }
        if (size < 1 || size > FailedJobBrowser.MAX_PAGE_SIZE) {
            throw new UsageException("--page-size must be between 1 and " + FailedJobBrowser.MAX_PAGE_SIZE);
        }
        ConnectionProfile p = profile.get();
        if (!p.hasRedis()) {
            err.println("pitwall queues: this profile has no Redis: give --redis URL");
            return 2;
        }
        try (QueueBackend backend = backends.apply(p)) {
            if (failed) {
                printFailed(new FailedJobBrowser(backend).page(words.get(1), page - 1, (int) size),
                        args.has(JSON.name()), out, err);
            } else {
                printQueues(new QueueMonitor(backend, p.queueNames(), clock).refresh(), args.has(JSON.name()), out);
            }
            return 0;
        } catch (QueueBackendException e) {
            err.println("pitwall queues: " + e.getMessage());
            return 2;
        }
    }

    private static void printQueues(QueueBoard board, boolean json, PrintStream out) {
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            board.rows().forEach(r -> rows.add(queueJson(r.stats())));
            out.println(CliJson.write(rows));
            return;
        }
        if (board.rows().isEmpty()) {
            out.println("no BullMQ queues found (none has a bull:*:meta key, and the profile names none)");
            return;
        }
        int width = Math.max(5, board.rows().stream().mapToInt(r -> r.name().length()).max().orElse(5));
        String format = "%-" + width + "s %9s %9s %8s %11s %9s %9s %10s %9s  %-7s %9s  %s%n";
        out.printf(format, "QUEUE", "WAIT", "PAUSED", "ACTIVE", "PRIORITIZED", "DELAYED", "FAILED", "COMPLETED",
                "CHILDREN", "STATE", "OLDEST", "LAYOUT");
        for (QueueRow row : board.rows()) {
            QueueStats s = row.stats();
            out.printf(format, s.name(), s.waitCount(), s.paused(), s.active(), s.prioritized(), s.delayed(),
                    s.failed(), s.completed(), s.waitingChildren(), s.isPaused() ? "paused" : "running",
                    s.oldestWaitingAgeSeconds() == null ? "-" : s.oldestWaitingAgeSeconds() + " s",
                    row.layoutText());
        }
    }

    /** The contract of {@code queues --json}: exactly these keys, numbers as numbers, null where unknown. */
    static Map<String, Object> queueJson(QueueStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("wait", s.waitCount());
        m.put("paused", s.paused());
        m.put("active", s.active());
        m.put("prioritized", s.prioritized());
        m.put("delayed", s.delayed());
        m.put("failed", s.failed());
        m.put("completed", s.completed());
        m.put("waitingChildren", s.waitingChildren());
        m.put("isPaused", s.isPaused());
        m.put("oldestWaitingAgeSeconds", s.oldestWaitingAgeSeconds());
        return m;
    }

    private static void printFailed(FailedJobPage page, boolean json, PrintStream out, PrintStream err) {
        if (page.jobs().isEmpty() && page.total() > 0) {
            err.println("pitwall queues: page " + (page.pageIndex() + 1) + " is past the end (" + page.pageCount()
                    + " pages of " + page.pageSize() + ")");
        }
        if (json) {
            page.jobs().forEach(j -> out.println(CliJson.write(jobJson(j))));
            return;
        }
        out.printf("Failed jobs of %s: page %d of %d, %d job(s) in all, newest first%n", page.queue(),
                page.pageIndex() + 1, page.pageCount(), page.total());
        for (FailedJob j : page.jobs()) {
            out.printf("%-20s  %-24s  attempts %-4s  %-20s  %s%s%n", time(j.finishedAt()), j.id(),
                    j.attemptsMade() == null ? "-" : j.attemptsMade(), j.name() == null ? "-" : j.name(),
                    oneLine(j.failedReason()), j.isMalformed() ? "  [malformed: " + j.problem() + "]" : "");
        }
    }

    private static Map<String, Object> jobJson(FailedJob j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id());
        m.put("name", j.name());
        m.put("failedReason", j.failedReason());
        m.put("attemptsMade", j.attemptsMade());
        m.put("timestamp", millis(j.createdAt()));
        m.put("processedOn", millis(j.processedAt()));
        m.put("finishedOn", millis(j.finishedAt()));
        m.put("data", j.data());
        m.put("dataBytes", j.dataBytes());
        m.put("dataTruncated", j.dataTruncated());
        m.put("stacktrace", j.stacktrace());
        m.put("problem", j.problem());
        return m;
    }

    private static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    private static String time(Instant t) {
        return t == null ? "-" : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "-";
        }
        String line = s.replaceAll("\\s+", " ").trim();
        return line.length() <= 100 ? line : line.substring(0, 100) + "\u2026";
    }
}
