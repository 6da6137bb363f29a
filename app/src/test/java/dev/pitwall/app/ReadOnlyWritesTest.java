package dev.pitwall.app;

import dev.pitwall.app.settings.ConfigDirs;
import dev.pitwall.app.settings.ProfileStore;
import dev.pitwall.demo.platform.FlowRunSnapshot;
import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.canary.CanarySettings;
import dev.pitwall.ops.guard.Confirmer;
import dev.pitwall.ops.rollback.WorkloadRef;
import dev.pitwall.redis.RedisClients;
import dev.pitwall.testing.CliRun;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of write on a read-only connection, through the command line as a user types it against the demo:
 * each exits 3 with {@code refused: read-only connection (...)} and the world is as it was (the same objects at the
 * same resourceVersions, the same revisions, no retry at the platform simulator, the failed set untouched).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadOnlyWritesTest {

    private static final String KEY_ENV = "PITWALL_TEST_PLATFORM_KEY";
    private static final String REFUSED = "refused: read-only connection (--read-only)";

    @TempDir
    Path home;
    private CanaryDemoFixture fx;
    private RedisClient redis;

    @BeforeAll
    void startDemo(@TempDir Path state) {
        fx = new CanaryDemoFixture(state, 41);
        redis = RedisClients.open(fx.demo.profile(), ref -> Optional.empty());
    }

    @AfterAll
    void stop() {
        redis.close();
        fx.close();
    }

    /** The launcher as a terminal runs it, on the demo's endpoints given by flags (and --read-only when asked). */
    private CliRun cli(List<String> connection, String... args) {
        List<String> all = new ArrayList<>(connection);
        all.addAll(List.of(args));
        ConfigDirs dirs = new ConfigDirs(home.resolve("config"), fx.state);
        return CliRun.capture((out, err) -> new Launcher(dirs, ref -> KEY_ENV.equals(ref)
                ? Optional.of(fx.demo.platformKey()) : Optional.empty(), new ByteArrayInputStream(new byte[0]), out,
                err).run(all.toArray(String[]::new)));
    }

    private List<String> flags(boolean readOnly) {
        List<String> flags = new ArrayList<>(List.of("--kubeconfig", fx.demo.kube().kubeconfig().toString(),
                "--context", "pitwall-demo", "--worker-selector", DemoFleet.WORKER_LABEL_KEY + "="
                        + DemoFleet.WORKER_LABEL_VALUE, "--redis", fx.demo.redisUrl(), "--platform-url",
                fx.demo.platformUrl(), "--platform-key-env", KEY_ENV));
        if (readOnly) {
            flags.add("--read-only");
        }
        return flags;
    }

    /** What a write would change: every workload's resourceVersion and replicas, the revisions, retries, jobs. */
    private Map<String, String> world() {
        KubernetesClient k = fx.demo.kube().client();
        Map<String, String> w = new TreeMap<>();
        Stream.concat(k.apps().deployments().inAnyNamespace().list().getItems().stream(),
                k.apps().statefulSets().inAnyNamespace().list().getItems().stream()).forEach(o ->
                w.put(o.getKind() + " " + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName(),
                        o.getMetadata().getResourceVersion()));
        w.put("replicasets", String.valueOf(k.apps().replicaSets().inAnyNamespace().list().getItems().size()));
        w.put("controllerrevisions", String.valueOf(k.apps().controllerRevisions().inAnyNamespace().list()
                .getItems().size()));
        w.put("configmaps", k.configMaps().inAnyNamespace().list().getItems().stream()
                .map(c -> c.getMetadata().getResourceVersion()).sorted().toList().toString());
        w.put("retries at the platform", String.valueOf(fx.demo.platform().runs().stream()
                .mapToInt(r -> fx.demo.platform().retryCount(r.id())).sum()));
        w.put("failed jobs", String.valueOf(redis.zcard("bull:" + DemoFleet.SHARED_QUEUE + ":failed")));
        w.put("waiting jobs", String.valueOf(redis.llen("bull:" + DemoFleet.SHARED_QUEUE + ":wait")));
        return w;
    }

    @Test
    void everyWriteCommandIsRefusedAndTheWorldIsUnchanged() throws Exception {
        // what the writes would carry out, made on a writable connection: plans, and a canary that runs
        Path platformPlan = home.resolve("replay.json");
        Path bullPlan = home.resolve("bull.json");
        Path rollbackPlan = home.resolve("rollback.json");
        String since = fx.demo.clock().instant().minus(Duration.ofHours(6)).toString();
        assertThat(cli(flags(false), "replay", "plan", "--since", since, "--out", platformPlan.toString())
                .exitCode()).isZero();
        assertThat(Files.readString(platformPlan)).contains("\"itemCount\"").doesNotContain("\"itemCount\" : 0");
        assertThat(cli(flags(false), "replay", "plan", "--queue", DemoFleet.SHARED_QUEUE, "--out",
                bullPlan.toString()).exitCode()).isZero();
        assertThat(cli(flags(false), "rollback", "plan", DemoFleet.SHARED_WORKLOAD, "--namespace",
                DemoFleet.SHARED_NAMESPACE, "--out", rollbackPlan.toString()).exitCode()).isZero();
        WorkloadRef initech = fx.workload(DemoFleet.namespaceOf("initech"), DemoFleet.workloadOf("initech"));
        fx.capturePlan(initech, true);
        fx.engine().start(initech, new CanarySettings(CanaryDemoFixture.REPOSITORY + "0.88.1", Map.of(), null,
                Duration.ofMinutes(10), null), Confirmer.yes());
        String canaryNs = initech.namespace();
        assertThat(fx.demo.platform().runs().stream().filter(r -> r.status().name().equals("FAILED")).map(
                FlowRunSnapshot::id)).isNotEmpty();

        Map<String, String> before = world();
        List<String[]> writes = List.of(
                new String[]{"replay", "run", platformPlan.toString(), "--canary", "0"},
                new String[]{"replay", "run", bullPlan.toString(), "--yes"},
                new String[]{"rollback", "run", rollbackPlan.toString(), "--yes"},
                new String[]{"canary", "start", DemoFleet.workloadOf("acme"), "--namespace",
                        DemoFleet.namespaceOf("acme"), "--image", CanaryDemoFixture.REPOSITORY + "0.88.1"},
                new String[]{"canary", "pause", initech.name(), "--namespace", canaryNs},
                new String[]{"canary", "resume", initech.name(), "--namespace", canaryNs},
                new String[]{"canary", "promote", initech.name(), "--namespace", canaryNs, "--yes"},
                new String[]{"canary", "abort", initech.name(), "--namespace", canaryNs},
                new String[]{"trust", "fix", "wg-acme", "--mode", "SANDBOX_PROCESS", "--yes"});
        for (String[] write : writes) {
            CliRun run = cli(flags(true), write);
            assertThat(run.exitCode()).as(String.join(" ", write) + ": " + run.out() + run.err()).isEqualTo(3);
            assertThat(run.err()).as(String.join(" ", write)).contains(REFUSED);
            assertThat(run.err().lines()).as("one line").hasSize(1);
        }
        assertThat(world()).isEqualTo(before);
        assertThat(fx.engine().find(initech).orElseThrow().phase().name()).isEqualTo("RUNNING");
        assertThat(Files.exists(fx.state.resolve("replays"))).as("no journal was begun").isFalse();

        // a profile saved read-only says so, and refuses the same way
        new ProfileStore(home.resolve("config")).save(new ConnectionProfile("night-shift",
                fx.demo.kube().kubeconfig().toString(), "pitwall-demo", null, null, List.of(), null, null, null,
                null, true, false, null));
        CliRun profile = cli(List.of("--profile", "night-shift"), "rollback", "run", rollbackPlan.toString(),
                "--yes");
        assertThat(profile.exitCode()).isEqualTo(3);
        assertThat(profile.err()).contains("refused: read-only connection (profile night-shift)");
        assertThat(world()).isEqualTo(before);
        HasMetadata canary = fx.object(initech, initech.name() + "-canary");
        assertThat(canary).as("the canary still runs").isNotNull();
    }
}
