package dev.pitwall.app;

import dev.pitwall.cli.CliJson;
import dev.pitwall.cli.Command;
import dev.pitwall.cli.OptionSpec;
import dev.pitwall.cli.ParsedArgs;
import dev.pitwall.cli.UsageException;
import dev.pitwall.demo.DemoEnvironment;
import dev.pitwall.demo.scenario.Scenario;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code pitwall demo}: starts the embedded demo environment headless, prints its endpoints as one JSON line, and
 * runs until interrupted; then it stops everything it started.
 */
final class DemoCommand implements Command {

    private final CountDownLatch stop;
    private final ParsedArgs global;

    /**
     * @param stop   released to end the demo (by the JVM's shutdown on Ctrl+C or SIGTERM, or by a test)
     * @param global the shared options, where --scenario, --seed and --speed stand (they serve --demo too)
     */
    DemoCommand(CountDownLatch stop, ParsedArgs global) {
        this.stop = stop;
        this.global = global;
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "run the embedded demo environment headless and print its endpoints";
    }

    @Override
    public String synopsis() {
        return "[--scenario steady|incident] [--seed N] [--speed X]";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(); // --scenario, --seed and --speed are shared options: see GlobalOptions
    }

    @Override
    public int run(ParsedArgs args, PrintStream out, PrintStream err) throws InterruptedException {
        DemoEnvironment.Options options = DemoOptions.from(global);
        DemoEnvironment demo = DemoEnvironment.start(options);
        Thread stopper = new Thread(() -> {
            stop.countDown();
            demo.close();
        }, "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        out.println(CliJson.write(demo.endpoints()));
        out.flush();
        err.println("demo running (" + options.scenario().id() + ", seed " + options.seed() + ", speed "
                + options.speed() + "); look with: kubectl --kubeconfig " + demo.endpoints().get("kubeconfig")
                + " get pods -A   |   redis-cli -u " + demo.redisUrl() + "   |   Ctrl+C stops it");
        stop.await();
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
            demo.close();
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already stopping: the hook closes the demo
        }
        return 0;
    }

    /** The demo options shared by `pitwall demo` and `pitwall --demo`. */
    static final class DemoOptions {
        private DemoOptions() {
        }

        static DemoEnvironment.Options from(ParsedArgs args) {
            Scenario scenario = args.value("--scenario").map(s -> Scenario.byId(s).orElseThrow(() ->
                    new UsageException("--scenario must be steady or incident; got: " + s))).orElse(Scenario.STEADY);
            long seed = args.longValue("--seed", 1);
            double speed = args.doubleValue("--speed", 60);
            if (speed < 0) {
                throw new UsageException("--speed cannot be negative");
            }
            return DemoEnvironment.Options.of(scenario, seed, speed);
        }
    }
}
