package dev.pitwall.demo;

import dev.pitwall.demo.cluster.ClusterSimulator;
import dev.pitwall.demo.platform.HistorySeed;
import dev.pitwall.demo.platform.PlatformOptions;
import dev.pitwall.demo.platform.PlatformSimulator;
import dev.pitwall.demo.scenario.IncidentScript;
import dev.pitwall.demo.scenario.Scenario;
import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.demo.world.SimClock;
import dev.pitwall.demo.world.SimDriver;
import dev.pitwall.model.ConnectionProfile;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The embedded demo environment, on loopback only: fabric8's mock API server with the cluster simulator, a Redis
 * server, and the platform simulator, moved by one simulated clock. Everything it starts is stopped by close().
 */
public final class DemoEnvironment implements AutoCloseable {

    /** The environment variable name under which the demo's platform key is offered to commands. */
    public static final String PLATFORM_KEY_ENV = "PITWALL_DEMO_PLATFORM_KEY";

    /**
     * @param speed simulated seconds per real second (60 = one incident hour per demo minute); 0 = only tests move
     *              the clock, by {@link #advance}
     * @param start where the simulated clock starts; the demo uses the current minute so that "the last 6 hours"
     *              means what it says, tests use a fixed instant
     */
    public record Options(Scenario scenario, long seed, double speed, Instant start) {

        public static Options of(Scenario scenario, long seed, double speed) {
            return new Options(scenario, seed, speed, Instant.now().truncatedTo(ChronoUnit.MINUTES));
        }
    }

    private final List<AutoCloseable> parts = new ArrayList<>();
    private final KubeMockCluster kube;
    private final RedisServerProcess redis;
    private final ClusterSimulator cluster;
    private final PlatformSimulator platform;
    private final SimDriver driver;
    private final String platformKey;
    private final Options options;
    private final java.nio.file.Path trustPolicy;

    private DemoEnvironment(Options options) {
        this.options = options;
        try {
            kube = own(KubeMockCluster.start());
            redis = own(RedisServerProcess.start());
            SimClock clock = new SimClock(options.start());
            cluster = own(new ClusterSimulator(kube, clock, options.seed()));
            cluster.seedFleet();
            trustPolicy = DemoTrustPolicy.write(kube.client(), profile(null), kube.directory(), clock.now());
            platformKey = "demo-" + Long.toHexString(new SplittableRandom(options.seed()).nextLong());
            platform = own(new PlatformSimulator(redis.url(), cluster, clock, options.seed(), platformKey,
                    PlatformOptions.defaults()));
            platform.seedHistory(HistorySeed.typical());
            driver = own(new SimDriver(clock));
            driver.add(cluster);
            if (options.scenario() == Scenario.INCIDENT) {
                driver.add(new IncidentScript(kube.client(), clock.now()));
            }
            driver.add(platform);
            platform.start();
            if (options.speed() > 0) {
                driver.startRealtime(options.speed());
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static DemoEnvironment start(Options options) {
        return new DemoEnvironment(options);
    }

    private <T extends AutoCloseable> T own(T part) {
        parts.add(part);
        return part;
    }

    /** Moves simulated time (tests; with speed 0 nothing else moves it). */
    public void advance(java.time.Duration amount) {
        driver.advance(amount);
    }

    /** The simulated time, as engines under test read it. */
    public java.time.Clock clock() {
        return driver.clock().asClock();
    }

    public Options options() {
        return options;
    }

    public KubeMockCluster kube() {
        return kube;
    }

    public ClusterSimulator cluster() {
        return cluster;
    }

    public PlatformSimulator platform() {
        return platform;
    }

    public String redisUrl() {
        return redis.url();
    }

    public long redisPid() {
        return redis.pid();
    }

    public String platformUrl() {
        return platform.url().toString();
    }

    public String platformKey() {
        return platformKey;
    }

    /** What `pitwall demo` prints: exactly these keys. */
    public Map<String, String> endpoints() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("kubeconfig", kube.kubeconfig().toString());
        m.put("redisUrl", redis.url());
        m.put("platformUrl", platformUrl());
        m.put("platformKeyEnv", PLATFORM_KEY_ENV);
        m.put("platformKey", platformKey);
        return m;
    }

    /**
     * A profile pointing at this environment, with the trust policy the demo wrote of its healthy fleet at start; the
     * key is found under {@link #PLATFORM_KEY_ENV}.
     */
    public ConnectionProfile profile() {
        return profile(trustPolicy.toString());
    }

    private ConnectionProfile profile(String policy) {
        return new ConnectionProfile("demo (" + options.scenario().id() + ")", kube.kubeconfig().toString(),
                KubeMockCluster.CONTEXT, null, DemoFleet.WORKER_LABEL_KEY + "=" + DemoFleet.WORKER_LABEL_VALUE,
                List.of(), redis.url(), null, platform == null ? null : platformUrl(), PLATFORM_KEY_ENV, false,
                false, policy);
    }

    @Override
    public void close() {
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                System.err.println("demo: could not stop " + parts.get(i) + ": " + e.getMessage());
            }
        }
        parts.clear();
    }
}
