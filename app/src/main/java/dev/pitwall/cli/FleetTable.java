package dev.pitwall.cli;

import dev.pitwall.model.Alert;
import dev.pitwall.model.BackendStatus;
import dev.pitwall.model.Worker;
import dev.pitwall.ops.fleet.FeedStatus;
import dev.pitwall.ops.fleet.FleetFormats;
import dev.pitwall.ops.fleet.FleetSnapshot;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** {@code pitwall fleet} without --json: an aligned table, then what is unknown and why. */
final class FleetTable {

    private record Column(String title, Function<Worker, String> text) {
    }

    private FleetTable() {
    }

    static void print(FleetSnapshot s, List<Worker> rows, PrintStream out) {
        List<Column> columns = List.of(
                new Column("NAMESPACE", Worker::namespace),
                new Column("POD", Worker::pod),
                new Column("WORKLOAD", w -> orDash(w.workload())),
                new Column("GROUP", w -> orDash(w.group())),
                new Column("PHASE", w -> orDash(w.phase())
                        + (w.waitingReason() == null ? "" : "/" + w.waitingReason())),
                new Column("READY", w -> w.ready() == null ? "-" : w.ready() ? "yes" : "no"),
                new Column("RESTARTS", w -> w.restarts() == null ? "-" : w.restarts().toString()),
                new Column("REV", w -> w.revision() == null ? "-" : w.revision().toString()),
                new Column("TAG", w -> orDash(w.imageTag())),
                new Column("MODE", w -> w.executionMode() == null ? "-" : w.executionMode().display() + " ("
                        + w.executionMode().source().name().toLowerCase(Locale.ROOT) + ")"),
                new Column("HEARTBEAT", w -> {
                    Duration age = w.heartbeatAge(s.asOf());
                    return age == null ? "-" : (w.isOffline(s.asOf()) ? "offline " : "") + FleetFormats.age(age);
                }),
                new Column("CPU", w -> w.cpuPercent() == null ? "-" : FleetFormats.percent(w.cpuPercent())),
                new Column("RAM", w -> w.ramPercent() == null ? "-" : FleetFormats.percent(w.ramPercent())),
                new Column("SANDBOXES", w -> w.sandboxesTotal() == null ? "-"
                        : w.sandboxesBusy() + "/" + w.sandboxesTotal()),
                new Column("VOLUME", w -> w.volume() == null ? "-" : FleetFormats.bytes(w.volume().usedBytes())
                        + "/" + FleetFormats.bytes(w.volume().capacityBytes())),
                new Column("FULL IN", w -> w.volume() == null || w.volume().fullInSeconds() == null ? "-"
                        : FleetFormats.fullIn(w.volume().fullInSeconds()).replace("full in ", "")));
        int[] widths = new int[columns.size()];
        List<String[]> cells = new ArrayList<>();
        for (Worker w : rows) {
            String[] line = new String[columns.size()];
            for (int i = 0; i < line.length; i++) {
                line[i] = columns.get(i).text().apply(w);
                widths[i] = Math.max(widths[i], line[i].length());
            }
            cells.add(line);
        }
        for (int i = 0; i < widths.length; i++) {
            widths[i] = Math.max(widths[i], columns.get(i).title().length());
        }
        out.println(line(columns.stream().map(Column::title).toArray(String[]::new), widths));
        cells.forEach(c -> out.println(line(c, widths)));
        out.println(rows.size() + (rows.size() == 1 ? " worker pod in " : " worker pods in ") + s.namespaces().size()
                + (s.namespaces().size() == 1 ? " namespace" : " namespaces"));

        if (!s.alerts().isEmpty()) {
            out.println();
            out.println("Alerts:");
            s.alerts().forEach(a -> out.println("  " + (a.severity() == Alert.Severity.CRITICAL ? "CRITICAL" : "WARNING ")
                    + "  " + a.subject() + ": " + a.message()));
        }
        List<String> unknown = new ArrayList<>();
        for (Worker w : rows) {
            w.unknowns().forEach((field, reason) -> unknown.add("  " + w.key() + "  " + field + ": " + reason));
        }
        if (!unknown.isEmpty()) {
            out.println();
            out.println("Unknown:");
            unknown.forEach(out::println);
        }
        List<String> problems = new ArrayList<>(s.notices());
        for (FeedStatus f : s.feeds().values()) {
            if (f.state() == BackendStatus.State.STALE || f.state() == BackendStatus.State.ERROR) {
                problems.add(f.feed().displayName() + ": " + f.reason());
            }
        }
        if (!problems.isEmpty()) {
            out.println();
            out.println("Notices:");
            problems.forEach(p -> out.println("  " + p));
        }
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            b.append(i == 0 ? "" : "  ");
            b.append(i == cells.length - 1 ? cells[i] : String.format("%-" + widths[i] + "s", cells[i]));
        }
        return b.toString().stripTrailing();
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}
