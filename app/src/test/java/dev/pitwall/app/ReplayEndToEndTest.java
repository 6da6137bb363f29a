package dev.pitwall.app;

import dev.pitwall.app.settings.ConfigDirs;
import dev.pitwall.files.JsonLinesJournal;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.guard.Confirmer;
import dev.pitwall.ops.replay.JournalEntry;
import dev.pitwall.ops.replay.Pacer;
import dev.pitwall.ops.replay.ReplayControl;
import dev.pitwall.ops.replay.ReplayRuns;
import dev.pitwall.ops.replay.ReplayJournal;
import dev.pitwall.ops.replay.ReplaySettings;
import dev.pitwall.ops.replay.ReplaySource;
import dev.pitwall.demo.RedisServerProcess;
import dev.pitwall.demo.platform.FlowRunSnapshot;
import dev.pitwall.demo.platform.HistorySeed;
import dev.pitwall.demo.platform.PlatformOptions;
import dev.pitwall.demo.platform.PlatformSimulator;
import dev.pitwall.demo.platform.TestRoster;
import dev.pitwall.demo.world.SimClock;
import dev.pitwall.demo.world.SimDriver;
import dev.pitwall.redis.RedisClients;
import dev.pitwall.redis.RedisEndpoint;
import dev.pitwall.testing.Await;
import dev.pitwall.testing.CliRun;
import dev.pitwall.testing.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk replay end to end: the headless commands against the platform simulator over real HTTP and Redis, including
 * a replay killed at twenty random points (three of them real SIGKILLs) and resumed each time.
 */
@ExtendWith(RedisServerExtension.class)
class ReplayEndToEndTest {

    private static final String KEY_ENV = "PITWALL_TEST_PLATFORM_KEY";
    private static final String KEY = "demo-key-for-tests";
    /** The simulated world's clock starts at SimClock.EPOCH; its history lies in the hours before. */
    private static final String SINCE = SimClock.EPOCH.minus(Duration.ofHours(6)).toString();

    @TempDir
    Path home;

    private RedisClient redis;
    private PlatformSimulator platform;
    private SimDriver driver;

    @BeforeEach
    void world(RedisServerProcess server) {
        redis = RedisClients.open(RedisEndpoint.parse(server.url()), null);
        redis.flushDB();
        SimClock clock = new SimClock(SimClock.EPOCH);
        platform = new PlatformSimulator(redis, TestRoster.demoFleet(), clock, 7, KEY,
                PlatformOptions.defaults().withRates(0, 0));
        platform.seedHistory(new HistorySeed(3_000, Duration.ofHours(5), 0.3, 0.2));
        driver = new SimDriver(clock);
        driver.add(platform);
        platform.start();
        driver.startRealtime(60); // the healthy fleet executes whatever is retried
    }

    @AfterEach
    void stop() {
        driver.close();
        platform.close();
        redis.close();
    }

    private CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of("--platform-url", platform.url().toString(), "--platform-key-env",
                KEY_ENV));
        all.addAll(List.of(args));
        ConfigDirs dirs = new ConfigDirs(home.resolve("config"), home.resolve("state"));
        Map<String, String> env = Map.of(KEY_ENV, KEY);
        return CliRun.capture((out, err) -> new Launcher(dirs, ref -> Optional.ofNullable(env.get(ref)), out, err)
                .run(all.toArray(String[]::new)));
    }

    private List<String> failedRunIds() {
        return platform.runs().stream().filter(r -> r.status().name().equals("FAILED") || r.status().name().equals("INTERNAL_ERROR"))
                .map(FlowRunSnapshot::id).toList();
    }

    @Test
    void planAndRunReplayEveryFailedRunOnceAndReportTheOutcome() throws Exception {
        List<String> failed = failedRunIds();
        assertThat(failed).hasSizeGreaterThan(1000);
        Path plan = home.resolve("plan.json");
        CliRun planned = cli("replay", "plan", "--since", SINCE, "--out", plan.toString());
        assertThat(planned.exitCode()).as(planned.err()).isZero();
        assertThat(planned.out()).contains(String.format("%,d runs to replay", failed.size()));

        Path journal = home.resolve("r.journal.jsonl");
        CliRun ran = cli("replay", "run", plan.toString(), "--journal", journal.toString(), "--canary", "1");
        assertThat(ran.exitCode()).as(ran.out() + ran.err()).isZero();
        failed.forEach(id -> assertThat(platform.retryCount(id)).as(id).isEqualTo(1));
        assertThat(ran.out()).contains(String.format("| succeeded | %,d |", failed.size()));
        assertThat(Files.readString(home.resolve("r.report.md"))).contains("# Replay report");

        CliRun status = cli("replay", "status", journal.toString(), "--json");
        assertThat(status.out()).contains("\"succeeded\":" + failed.size()).contains("\"completed\":true");
    }

    /**
     * Twenty crashes at random points, each followed by a resume. Most are simulated in this JVM: the journal dies at
     * a random append (sometimes leaving half a line), so no later line reaches the file and every thread of the
     * engine stops at its next line, while a batch already on the wire still arrives. Every
     * {@link #REAL_KILL_EVERY}th (three in all) is a real {@code kill -9} of a separate JVM mid-replay. All of them
     * continue the same journal, and at the end every run was retried exactly once.
     */
    @Test
    void aReplayKilledAtTwentyRandomPointsEndsWithEveryRunRetriedExactlyOnce() throws Exception {
        List<String> failed = failedRunIds();
        Path plan = home.resolve("plan.json");
        assertThat(cli("replay", "plan", "--since", SINCE, "--out", plan.toString()).exitCode()).isZero();
        Path journal = home.resolve("killed.journal.jsonl");
        SplittableRandom random = new SplittableRandom(20);

        int kills = 0;
        int realKills = 0;
        for (; kills < 20; kills++) {
            int lines = 2 + random.nextInt(25);
            boolean real = kills % REAL_KILL_EVERY == 0;
            boolean ended = real ? killWithSigkill(plan, journal, kills == 0, lines)
                    : crashInProcess(plan, journal, kills == 0, lines, random.nextBoolean());
            realKills += real && !ended ? 1 : 0;
            if (ended) {
                break;
            }
        }
        assertThat(kills).as("the replay was killed many times before it could finish").isGreaterThanOrEqualTo(10);
        assertThat(realKills).as("real SIGKILLs among them").isEqualTo(3);

        CliRun last = cli("replay", "resume", journal.toString());
        assertThat(last.exitCode()).as(last.out() + last.err()).isZero();
        for (String id : failed) {
            assertThat(platform.retryCount(id)).as("retries of " + id).isEqualTo(1);
            assertThat(platform.run(id)).get().satisfies(r -> assertThat(r.status().name()).isEqualTo("SUCCEEDED"));
        }
    }

    private static final int REAL_KILL_EVERY = 7;
    private static final String[] RUN_OPTIONS = {"--rate", "200", "--batch-size", "25", "--canary", "0"};

    /** Runs (or resumes) the replay in a separate JVM and kills it with SIGKILL once the journal grew by n lines. */
    private boolean killWithSigkill(Path plan, Path journal, boolean first, int n) throws Exception {
        long target = lines(journal) + n;
        List<String> args = new ArrayList<>(first ? List.of("replay", "run", plan.toString(), "--journal",
                journal.toString()) : List.of("replay", "resume", journal.toString()));
        if (first) {
            args.addAll(List.of(RUN_OPTIONS));
        }
        Process p = pitwall(args.toArray(String[]::new));
        try {
            Await.until("journal to grow to " + target + " lines", Duration.ofSeconds(60),
                    () -> lines(journal) >= target || !p.isAlive());
            return !p.isAlive();
        } finally {
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no last flush
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Runs (or resumes) the replay on the engine in this JVM, through the same adapters as the command, with a
     * journal that "dies" at its n-th append: that line and every later one is lost (the first of them cut in half
     * when {@code cutLine}), as when the process is killed there. False when it crashed, true when it ended first.
     */
    private boolean crashInProcess(Path plan, Path journal, boolean first, int n, boolean cutLine) throws Exception {
        Backends backends = new Backends(ref -> Optional.of(KEY), home.resolve("state"));
        ConnectionProfile profile = new ConnectionProfile("t", null, null, null, null, List.of(), null, null,
                platform.url().toString(), KEY_ENV, false, false, null);
        CrashingJournal dying = new CrashingJournal(new JsonLinesJournal(journal), journal, n, cutLine);
        ReplayRuns runs = new ReplayRuns(TestGuards.of(profile, backends), source -> backends.replayTarget(profile,
                source));
        try {
            if (first) {
                runs.start(backends.replayFiles().loadPlan(plan), ReplaySettings.defaults().withRate(200)
                        .withBatchSize(25).withCanary(0), dying, null, Pacer.system(), new ReplayControl(), null,
                        Confirmer.yes());
            } else {
                runs.resume(dying, null, Pacer.system(), new ReplayControl(), null, Confirmer.yes());
            }
            return true;
        } catch (CrashingJournal.Killed killed) {
            return false;
        } finally {
            dying.close();
        }
    }

    private Process pitwall(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "dev.pitwall.app.Launcher",
                "--platform-url", platform.url().toString(), "--platform-key-env", KEY_ENV));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("child.log").toFile());
        pb.environment().put(KEY_ENV, KEY);
        pb.environment().put("PITWALL_STATE_DIR", home.resolve("state").toString());
        pb.environment().put("PITWALL_CONFIG_DIR", home.resolve("config").toString());
        return pb.start();
    }

    private static long lines(Path file) {
        try {
            if (!Files.exists(file)) {
                return 0;
            }
            try (var s = Files.lines(file)) {
                return s.count();
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    /** A journal that dies after n appends, as a killed process does: from then on nothing reaches the file. */
    private static final class CrashingJournal implements ReplayJournal {

        /** What every thread of the engine meets once the journal has died. */
        static final class Killed extends RuntimeException {
            Killed() {
                super("killed", null, false, false);
            }
        }

        private final JsonLinesJournal journal;
        private final Path file;
        private final boolean cutLine;
        private int left;
        private boolean dead;

        CrashingJournal(JsonLinesJournal journal, Path file, int appends, boolean cutLine) {
            this.journal = journal;
            this.file = file;
            this.left = appends;
            this.cutLine = cutLine;
        }

        @Override
        public synchronized void append(JournalEntry entry) {
            if (!dead && left-- > 0) {
                journal.append(entry);
                return;
            }
            if (!dead && cutLine) {
                try { // the kill came in the middle of writing this line
                    Files.writeString(file, "{\"type\":\"" + entry.getClass().getSimpleName().toLowerCase()
                            + "\",\"at\":\"20", StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            dead = true;
            throw new Killed();
        }

        @Override
        public List<JournalEntry> readAll() {
            return journal.readAll();
        }

        @Override
        public List<String> problems() {
            return journal.problems();
        }

        void close() {
            journal.close();
        }
    }
}
