package dev.pitwall.bench;

import dev.pitwall.demo.RedisServerProcess;
import dev.pitwall.demo.platform.HistorySeed;
import dev.pitwall.demo.platform.PlatformOptions;
import dev.pitwall.demo.platform.PlatformSimulator;
import dev.pitwall.demo.platform.TestRoster;
import dev.pitwall.demo.world.SimClock;
import dev.pitwall.files.JsonLinesJournal;
import dev.pitwall.ops.replay.JournalEntry;
import dev.pitwall.redis.RedisClients;
import dev.pitwall.redis.RedisEndpoint;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replay throughput: 100,000 failed runs replayed through the platform simulator by the packaged console (a separate
 * process, so that its own CPU can be measured), and the accuracy of the rate limit at 50 runs/s.
 */
@Tag("bench")
class ReplayBench {

    private static final String KEY = "bench-key";

    @TempDir
    Path dir;

    @Test
    void replayThroughputAndRateAccuracy() throws Exception {
        try (RedisServerProcess server = RedisServerProcess.start();
             RedisClient redis = RedisClients.open(RedisEndpoint.parse(server.url()), null)) {
            PlatformSimulator platform = new PlatformSimulator(redis, TestRoster.demoFleet(),
                    new SimClock(SimClock.EPOCH), 3, KEY, PlatformOptions.defaults().withRates(0, 0));
            platform.seedHistory(new HistorySeed(100_000, Duration.ofHours(5), 0.6, 0.4));
            platform.start();
            try {
                String since = SimClock.EPOCH.minus(Duration.ofHours(6)).toString();
                Path plan = dir.resolve("plan.json");
                run(platform, "replay", "plan", "--since", since, "--out", plan.toString());

                Path journal = dir.resolve("all.journal.jsonl");
                long cpuNanos = run(platform, "replay", "run", plan.toString(), "--journal", journal.toString(),
                        "--canary", "0", "--follow-up", "1s");
                Window w = sendingWindow(journal);
                double rate = w.runs / w.seconds();
                BenchRunner.print("replay 100,000 runs, no rate limit", String.format("%.0f runs/s (%,d runs in %.1f s;"
                        + " target >= 5,000 runs/s)", rate, w.runs, w.seconds()));
                BenchRunner.print("replay console CPU per 1,000 runs", String.format("%.0f ms",
                        cpuNanos / 1e6 / (w.runs / 1000.0)));
                assertThat(w.runs).isGreaterThan(90_000);
            } finally {
                platform.close();
            }
        }
    }

    @Test
    void rateLimitAccuracyAt50RunsPerSecond() throws Exception {
        try (RedisServerProcess server = RedisServerProcess.start();
             RedisClient redis = RedisClients.open(RedisEndpoint.parse(server.url()), null)) {
            PlatformSimulator platform = new PlatformSimulator(redis, TestRoster.demoFleet(),
                    new SimClock(SimClock.EPOCH), 4, KEY, PlatformOptions.defaults().withRates(0, 0));
            platform.seedHistory(new HistorySeed(1_000, Duration.ofHours(5), 0.3, 0.2));
            platform.start();
            try {
                String since = SimClock.EPOCH.minus(Duration.ofHours(6)).toString();
                Path plan = dir.resolve("plan50.json");
                run(platform, "replay", "plan", "--since", since, "--out", plan.toString());
                Path journal = dir.resolve("rate.journal.jsonl");
                run(platform, "replay", "run", plan.toString(), "--journal", journal.toString(), "--canary", "0",
                        "--rate", "50", "--follow-up", "1s");
                Window w = sendingWindow(journal);
                // the first batch goes out at once; the rate shows in the spacing of the others
                double measured = (w.runs - w.firstBatch) / w.seconds();
                BenchRunner.print("replay rate limit at 50 runs/s", String.format("%.2f runs/s measured (%.1f%% off;"
                        + " target within 5%%)", measured, Math.abs(measured - 50) / 50 * 100));
            } finally {
                platform.close();
            }
        }
    }

    private record Window(long runs, long firstBatch, Instant first, Instant last) {
        double seconds() {
            return Math.max(0.001, Duration.between(first, last).toNanos() / 1e9);
        }
    }

    /** From the first batch sent to the last answer, and how many runs were sent. */
    private static Window sendingWindow(Path journal) {
        Instant first = null;
        Instant last = null;
        Instant lastSend = null;
        long runs = 0;
        long firstBatch = 0;
        for (JournalEntry e : new JsonLinesJournal(journal).readAll()) {
            if (e instanceof JournalEntry.Sending s) {
                if (first == null) {
                    first = s.at();
                    firstBatch = s.ids().size();
                }
                lastSend = s.at();
                runs += s.ids().size();
            } else if (e instanceof JournalEntry.Answered a) {
                last = a.at();
            }
        }
        return new Window(runs, firstBatch, first, last == null ? lastSend : last);
    }

    /** Runs the packaged console; returns the CPU time it used. */
    private static long run(PlatformSimulator platform, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", BenchRunner.jar().toString(), "--platform-url", platform.url().toString(),
                "--platform-key-env", "BENCH_KEY"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("BENCH_KEY", KEY);
        Process p = pb.start();
        // the CPU time of a process can only be read while it lives: sample it until the end
        long cpu = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
            cpu = p.info().totalCpuDuration().map(Duration::toNanos).orElse(cpu);
            if (System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IllegalStateException("pitwall " + String.join(" ", args) + " did not finish");
            }
        }
        return cpu;
    }
}
