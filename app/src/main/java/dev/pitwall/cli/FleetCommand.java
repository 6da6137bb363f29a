package dev.pitwall.cli;

import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.model.Worker;
import dev.pitwall.ops.alert.AlertCenter;
import dev.pitwall.ops.connect.BackendHealthMonitor;
import dev.pitwall.ops.exec.PooledExecutor;
import dev.pitwall.ops.fleet.FleetEngine;
import dev.pitwall.ops.fleet.FleetSnapshot;
import dev.pitwall.ops.fleet.FleetSources;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code pitwall fleet}: the Fleet view's rows, headless. It takes the watch's initial sync, one heartbeat read and
 * one round of kubelet volume stats. A fill rate and forecast need samples over time: with {@code --sample 2m} it
 * keeps reading volume stats every 30 s for two minutes first (five samples: the least a forecast is made from);
 * without it those two fields are null.
 */
public final class FleetCommand implements Command {

    static final Duration SAMPLE_EVERY = Duration.ofSeconds(30);
    static final Duration SYNC_WAIT = Duration.ofSeconds(30);

    private final Supplier<ConnectionProfile> profile;
    private final Function<ConnectionProfile, FleetSources> sources;
    private final Clock clock;

    public FleetCommand(Supplier<ConnectionProfile> profile, Function<ConnectionProfile, FleetSources> sources,
                        Clock clock) {
        this.profile = profile;
        this.sources = sources;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "fleet";
    }

    @Override
    public String summary() {
        return "list every worker pod: state, revision, execution mode, heartbeat, cache volume";
    }

    @Override
    public String synopsis() {
        return "[--json] [--sample DURATION]";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.flag("--json", "print a JSON array, one object per worker pod"),
                OptionSpec.value("--sample", "DURATION", "read kubelet volume stats every 30 s for DURATION (e.g. 2m) "
                        + "first, so that fill rates and forecasts can be computed (2m or more gives them)"));
    }

    @Override
    public int run(ParsedArgs args, PrintStream out, PrintStream err) throws Exception {
        ConnectionProfile p = profile.get();
        if (!p.hasKubernetes()) {
            throw new UsageException("fleet needs a Kubernetes cluster: give --kubeconfig/--context, --demo or a "
                    + "profile with one");
        }
        Duration sample = args.value("--sample").map(v -> DurationText.parse("--sample", v)).orElse(Duration.ZERO);
        try (PooledExecutor executor = new PooledExecutor(2);
             FleetEngine engine = new FleetEngine(sources.apply(p), executor, clock, new AlertCenter(clock, 100),
                     new BackendHealthMonitor(p, List.of(), clock),
                     FleetEngine.Settings.defaults().immediate())) {
            try {
                engine.startWatch().get(SYNC_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                err.println("pitwall fleet: the cluster's workers did not arrive within " + SYNC_WAIT.toSeconds()
                        + " s: " + engine.latest().feeds().values().stream().map(f -> f.reason())
                        .filter(r -> !r.isEmpty()).findFirst().orElse("no answer from the API server"));
                return 1;
            }
            engine.readHeartbeats();
            engine.readVolumes();
            long end = System.nanoTime() + sample.toNanos();
            while (System.nanoTime() < end) {
                TimeUnit.NANOSECONDS.sleep(Math.min(SAMPLE_EVERY.toNanos(), end - System.nanoTime()));
                engine.readVolumes();
            }
            FleetSnapshot s = engine.snapshotNow().get(SYNC_WAIT.toSeconds(), TimeUnit.SECONDS);
            List<Worker> rows = s.workers().stream().sorted(Comparator.comparing(Worker::namespace)
                    .thenComparing(Worker::pod)).toList();
            if (args.has("--json")) {
                out.println(CliJson.write(rows.stream().map(w -> FleetJson.row(w, s.asOf())).toList()));
            } else {
                FleetTable.print(s, rows, out);
            }
            return 0;
        }
    }
}
