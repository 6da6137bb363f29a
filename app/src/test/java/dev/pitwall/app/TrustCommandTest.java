package dev.pitwall.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.app.settings.ConfigDirs;
import dev.pitwall.demo.KubeMockCluster;
import dev.pitwall.demo.RedisServerProcess;
import dev.pitwall.demo.platform.Catalog;
import dev.pitwall.demo.platform.PlatformOptions;
import dev.pitwall.demo.platform.PlatformSimulator;
import dev.pitwall.demo.platform.TestRoster;
import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.demo.world.SimClock;
import dev.pitwall.demo.world.SimDriver;
import dev.pitwall.demo.world.Simulated;
import dev.pitwall.files.HashChainedAuditLog;
import dev.pitwall.ops.audit.AuditEntry;
import dev.pitwall.redis.RedisClients;
import dev.pitwall.redis.RedisEndpoint;
import dev.pitwall.testing.Await;
import dev.pitwall.testing.CliRun;
import dev.pitwall.testing.DemoShapedWorkloads;
import dev.pitwall.testing.KubeMockExtension;
import dev.pitwall.testing.RedisServerExtension;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pitwall trust} end to end over the fabric8 mock (demo-shaped workloads), a real Redis with heartbeats from
 * the platform simulator's workers, and the simulator's HTTP API: check, fix, smoke and snapshot, with their exit
 * codes. A small stand-in for the cluster simulator makes the workers run whatever their workload declares.
 */
@ExtendWith({KubeMockExtension.class, RedisServerExtension.class})
class TrustCommandTest {

    private static final List<String> CONTRACT = List.of("group", "namespace", "workload", "expected", "declared",
            "effective", "npmAllowed", "drift", "lastChange");
    private static final String SSAR = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";
    private static final String KEY_ENV = "PITWALL_TEST_PLATFORM_KEY";
    private static final String KEY = "sk-trust";
    private static final String MIGRATION = "namespace migration to ap-dedicated-globex";

    @TempDir
    Path home;
    private final KubeMockCluster kube;
    private final RedisServerProcess redisServer;
    private RedisClient redis;
    private TestRoster roster;
    private SimDriver driver;
    private PlatformSimulator platform;
    private DemoShapedWorkloads fleet;
    private Path policy;

    TrustCommandTest(KubeMockCluster kube, RedisServerProcess redisServer) {
        this.kube = kube;
        this.redisServer = redisServer;
    }

    /**
     * The workers run what their workload declares (what the cluster simulator's rollouts do); with
     * {@code onlyAtStart}, only what it declared at the start: no rollout ever happens.
     */
    private static final class ModesFollowTheCluster implements Simulated {
        private final DemoShapedWorkloads fleet;
        private final TestRoster roster;
        private final boolean onlyAtStart;
        private boolean started;

        ModesFollowTheCluster(DemoShapedWorkloads fleet, TestRoster roster, boolean onlyAtStart) {
            this.fleet = fleet;
            this.roster = roster;
            this.onlyAtStart = onlyAtStart;
        }

        @Override
        public void tick(Instant now, Duration step) {
            if (onlyAtStart && started) {
                return;
            }
            started = true;
            for (String customer : DemoFleet.CUSTOMERS) {
                String mode = fleet.declaredMode(customer);
                roster.update(w -> DemoFleet.workloadOf(customer).equals(w.workload()),
                        w -> TestRoster.mode(w, mode));
            }
        }
    }

    @BeforeEach
    void world() throws Exception {
        KubernetesClient client = kube.client();
        client.apps().deployments().inAnyNamespace().list().getItems().forEach(d -> client.resource(d).delete());
        client.apps().statefulSets().inAnyNamespace().list().getItems().forEach(s -> client.resource(s).delete());
        client.apps().replicaSets().inAnyNamespace().list().getItems().forEach(r -> client.resource(r).delete());
        client.apps().controllerRevisions().inAnyNamespace().list().getItems()
                .forEach(r -> client.resource(r).delete());
        client.pods().inAnyNamespace().list().getItems().forEach(p -> client.resource(p).delete());
        fleet = new DemoShapedWorkloads(client);
        fleet.shared("SANDBOX_PROCESS");
        DemoFleet.CUSTOMERS.forEach(c -> fleet.dedicated(c, "SANDBOX_PROCESS"));
        fleet.flip("globex", "SANDBOX_CODE_ONLY", 2, MIGRATION);

        redis = RedisClients.open(RedisEndpoint.parse(redisServer.url()), null);
        redis.flushDB();
        roster = TestRoster.demoFleet();
        SimClock clock = new SimClock(SimClock.EPOCH);
        platform = new PlatformSimulator(redis, roster, clock, 3, KEY, new PlatformOptions(0, 0,
                PlatformOptions.DEFAULT_RETENTION, Duration.ofMillis(100), Clock.systemUTC()));
        driver = new SimDriver(clock);
        platform.start();

        policy = home.resolve("trust.yaml");
        StringBuilder yaml = new StringBuilder("groups:\n  shared:\n    executionMode: SANDBOX_PROCESS\n");
        for (String c : DemoFleet.CUSTOMERS) {
            yaml.append("  ").append(DemoFleet.groupIdOf(c)).append(":\n    executionMode: SANDBOX_PROCESS\n")
                    .append("    smoke: {flowId: ").append(Catalog.smokeFlowIdOf(c)).append(", projectId: ")
                    .append(DemoFleet.projectOf(c)).append("}\n");
        }
        Files.writeString(policy, yaml);
    }

    /** Starts the world; {@code followCluster} false leaves the workers on their first modes (no rollout). */
    private void run(boolean followCluster) {
        driver.add(new ModesFollowTheCluster(fleet, roster, !followCluster));
        driver.add(platform);
        driver.startRealtime(60);
        Await.until("every worker's first heartbeat", Duration.ofSeconds(20),
                () -> redis.hlen("workerMachines") == DemoFleet.SHARED_REPLICAS + 6
                        && redis.hget("workerMachines", "activepieces-worker-globex-0").contains("SANDBOX_CODE_ONLY"));
    }

    @AfterEach
    void stop() {
        driver.close();
        platform.close();
        redis.close();
    }

    private CliRun cli(String stdin, String... args) {
        return cliWith(kube.kubeconfig().toString(), redisServer.url(), platform.url().toString(), stdin, args);
    }

    private CliRun cliWith(String kubeconfig, String redisUrl, String platformUrl, String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("--kubeconfig", kubeconfig, "--context", KubeMockCluster.CONTEXT,
                "--worker-selector", DemoFleet.WORKER_LABEL_KEY + "=" + DemoFleet.WORKER_LABEL_VALUE,
                "--redis", redisUrl, "--platform-url", platformUrl, "--platform-key-env", KEY_ENV));
        all.addAll(List.of(args));
        ConfigDirs dirs = new ConfigDirs(home.resolve("config"), home.resolve("state"));
        Map<String, String> env = Map.of(KEY_ENV, KEY);
        return CliRun.capture((out, err) -> new Launcher(dirs, ref -> Optional.ofNullable(env.get(ref)),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err)
                .run(all.toArray(String[]::new)));
    }

    private HashChainedAuditLog audit() {
        return new HashChainedAuditLog(home.resolve("state").resolve("audit.jsonl"));
    }

    private void allowPatches(int reviews) {
        kube.server().expect().post().withPath(SSAR).andReturn(201, new SelfSubjectAccessReviewBuilder()
                .withNewStatus().withAllowed(true).endStatus().build()).times(reviews);
    }

    @Test
    void checkExitsOneNamingTheFlippedGroupWithTheContractKeysInJson() throws Exception {
        run(true);
        CliRun text = cli("", "trust", "check", "--policy", policy.toString());
        assertThat(text.exitCode()).as(text.err()).isEqualTo(1);
        assertThat(text.out()).contains("DRIFT  group wg-globex  Deployment ap-dedicated-globex/activepieces-"
                        + "worker-globex", "declared   SANDBOX_CODE_ONLY", "STRIPPED from code steps",
                "changed    revision 2", "\"" + MIGRATION + "\"", "1 of 4 worker group(s) drift")
                .doesNotContain("DRIFT  group wg-acme");

        CliRun json = cli("", "trust", "check", "--policy", policy.toString(), "--json");
        assertThat(json.exitCode()).isEqualTo(1);
        JsonNode groups = new ObjectMapper().readTree(json.out());
        assertThat(groups).hasSize(4);
        for (JsonNode g : groups) {
            List<String> keys = new ArrayList<>();
            g.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).as(g.toString()).containsExactlyElementsOf(CONTRACT);
        }
        JsonNode globex = find(groups, "wg-globex");
        assertThat(globex.path("namespace").asText()).isEqualTo("ap-dedicated-globex");
        assertThat(globex.path("workload").asText()).isEqualTo("Deployment/activepieces-worker-globex");
        assertThat(globex.path("expected").asText()).isEqualTo("SANDBOX_PROCESS");
        assertThat(globex.path("declared").asText()).isEqualTo("SANDBOX_CODE_ONLY");
        assertThat(globex.path("effective").toString()).isEqualTo("[\"SANDBOX_CODE_ONLY\"]");
        assertThat(globex.path("npmAllowed").isBoolean()).isTrue();
        assertThat(globex.path("npmAllowed").asBoolean()).isFalse();
        assertThat(globex.path("drift").toString())
                .isEqualTo("[{\"kind\":\"expected-declared\",\"revision\":null,\"previousMode\":null}]");
        JsonNode change = globex.path("lastChange");
        assertThat(change.path("revision").asLong()).isEqualTo(2);
        assertThat(Instant.parse(change.path("time").asText())).isNotNull();
        assertThat(change.path("changeCause").asText()).isEqualTo(MIGRATION);
        assertThat(change.path("image").asText()).isEqualTo(DemoShapedWorkloads.STABLE_IMAGE);

        JsonNode shared = find(groups, "shared");
        assertThat(shared.path("workload").asText()).isEqualTo("StatefulSet/activepieces-worker");
        assertThat(shared.path("drift")).isEmpty();
        assertThat(shared.path("npmAllowed").asBoolean()).isTrue();
        assertThat(shared.path("lastChange").path("revision").asLong()).isEqualTo(1);
    }

    @Test
    void theGuardedFixPatchesAuditsFollowsTheRolloutAndTheSmokeTestThenPasses() throws Exception {
        run(true);
        CliRun smokeBefore = cli("", "trust", "smoke", "wg-globex", "--policy", policy.toString());
        assertThat(smokeBefore.exitCode()).as(smokeBefore.out() + smokeBefore.err()).isEqualTo(1);
        assertThat(smokeBefore.out()).contains("FAIL group wg-globex: failed: run ", " FAILED at step_1 (Code: use "
                + "lodash): Error: Cannot find module 'lodash'");

        allowPatches(2);
        CliRun fix = cli("ap-dedicated-globex\n", "trust", "fix", "wg-globex", "--mode", "SANDBOX_PROCESS",
                "--policy", policy.toString(), "--timeout", "30");
        assertThat(fix.exitCode()).as(fix.out() + fix.err()).isZero();
        assertThat(fix.out()).contains("  - SANDBOX_CODE_ONLY", "  + SANDBOX_PROCESS",
                "type ap-dedicated-globex to confirm (Deployment ap-dedicated-globex/activepieces-worker-globex):",
                "every pod of Deployment ap-dedicated-globex/activepieces-worker-globex reports SANDBOX_PROCESS");
        assertThat(fleet.declaredMode("globex")).isEqualTo("SANDBOX_PROCESS");

        HashChainedAuditLog audit = audit();
        assertThat(audit.verify()).isEmpty();
        assertThat(audit.entries()).extracting(AuditEntry::action).containsExactly("trust.fix.about-to",
                "trust.set-execution-mode", "trust.fix.done");
        assertThat(audit.entries().get(0).details()).containsEntry("confirmation", "typed ap-dedicated-globex");
        AuditEntry entry = audit.entries().get(1);
        assertThat(entry.actor()).isEqualTo(System.getProperty("user.name"));
        assertThat(entry.target()).isEqualTo("Deployment ap-dedicated-globex/activepieces-worker-globex");
        assertThat(entry.details()).containsEntry("before", "SANDBOX_CODE_ONLY")
                .containsEntry("after", "SANDBOX_PROCESS");

        assertThat(cli("", "trust", "check", "--policy", policy.toString()).exitCode()).isZero();
        CliRun smokeAfter = cli("", "trust", "smoke", "wg-globex", "--policy", policy.toString(), "--json");
        assertThat(smokeAfter.exitCode()).as(smokeAfter.out() + smokeAfter.err()).isZero();
        assertThat(new ObjectMapper().readTree(smokeAfter.out()).get(0).path("outcome").asText()).isEqualTo("passed");
    }

    @Test
    void aFixWhoseRolloutNeverConvergesFailsWithinItsTimeBoundSayingWhichPodsLag() {
        run(false);
        allowPatches(2);
        CliRun fix = cli("", "trust", "fix", "wg-globex", "--mode", "SANDBOX_PROCESS", "--yes", "--timeout", "2");
        assertThat(fix.exitCode()).as(fix.out() + fix.err()).isEqualTo(1);
        assertThat(fix.err()).contains("not every pod reports SANDBOX_PROCESS after 2 s: 0 of 2 pods report "
                + "SANDBOX_PROCESS; waiting for activepieces-worker-globex-0 reports SANDBOX_CODE_ONLY");
        assertThat(audit().entries()).as("the change itself was made and recorded, with --yes")
                .extracting(AuditEntry::action).contains("trust.set-execution-mode");
        assertThat(audit().entries().get(0).details()).containsEntry("confirmation", "--yes");
    }

    @Test
    void aForbiddenPatchOrAWrongConfirmationChangesNothing() {
        run(true);
        String before = kube.client().apps().deployments().inNamespace("ap-dedicated-globex")
                .withName("activepieces-worker-globex").get().getMetadata().getResourceVersion();
        kube.server().expect().post().withPath(SSAR).andReturn(201, new SelfSubjectAccessReviewBuilder()
                .withNewStatus().withAllowed(false).withReason("RBAC: access denied").endStatus().build()).once();
        CliRun forbidden = cli("ap-dedicated-globex\n", "trust", "fix", "wg-globex", "--mode", "SANDBOX_PROCESS");
        assertThat(forbidden.exitCode()).isEqualTo(1);
        assertThat(forbidden.err()).contains("you may not patch Deployment ap-dedicated-globex/activepieces-worker-"
                + "globex: patch on deployments in namespace ap-dedicated-globex is not allowed (RBAC: access "
                + "denied); nothing was changed");

        allowPatches(1);
        CliRun wrong = cli("ap-dedicated-acme\n", "trust", "fix", "wg-globex", "--mode", "SANDBOX_PROCESS");
        assertThat(wrong.exitCode()).as("refused, nothing changed").isEqualTo(3);
        assertThat(wrong.err()).contains("refused: not confirmed: 'ap-dedicated-acme' is not ap-dedicated-globex");

        assertThat(kube.client().apps().deployments().inNamespace("ap-dedicated-globex")
                .withName("activepieces-worker-globex").get().getMetadata().getResourceVersion()).isEqualTo(before);
        assertThat(fleet.declaredMode("globex")).isEqualTo("SANDBOX_CODE_ONLY");
        assertThat(audit().entries()).extracting(AuditEntry::action).as("only the refusal is recorded")
                .containsExactly("trust.fix.refused");
    }

    @Test
    void unreachableBackEndsExitTwo() throws Exception {
        run(true);
        String kubeconfig = kube.kubeconfig().toString();
        String platformUrl = platform.url().toString();
        CliRun noRedis = cliWith(kubeconfig, "redis://127.0.0.1:1", platformUrl, "", "trust", "check",
                "--policy", policy.toString());
        assertThat(noRedis.exitCode()).isEqualTo(2);
        assertThat(noRedis.err()).contains("Redis at redis://127.0.0.1:1 could not read the heartbeats");

        Path deadKube = home.resolve("dead-kubeconfig");
        Files.writeString(deadKube, Files.readString(kube.kubeconfig()).replaceAll("server: .*",
                "server: http://127.0.0.1:1"));
        CliRun noKube = cliWith(deadKube.toString(), redisServer.url(), platformUrl, "", "trust", "check", "--json");
        assertThat(noKube.exitCode()).isEqualTo(2);
        assertThat(noKube.err()).contains("the Kubernetes API at http://127.0.0.1:1");

        CliRun noPlatform = cliWith(kubeconfig, redisServer.url(), "http://127.0.0.1:1", "", "trust", "smoke",
                "--policy", policy.toString());
        assertThat(noPlatform.exitCode()).isEqualTo(2);
    }

    @Test
    void aSnapshotOfTodaysStateIsWrittenOnceAndMakesTheCheckPass() throws Exception {
        run(true);
        Path snapshot = home.resolve("snapshot.yaml");
        CliRun wrote = cli("", "trust", "snapshot", "--out", snapshot.toString());
        assertThat(wrote.exitCode()).as(wrote.err()).isZero();
        assertThat(Files.readString(snapshot)).contains("wg-globex:", "executionMode: SANDBOX_CODE_ONLY");
        assertThat(cli("", "trust", "snapshot", "--out", snapshot.toString()).exitCode()).isEqualTo(1);
        assertThat(cli("", "trust", "check", "--policy", snapshot.toString()).exitCode()).isZero();

        CliRun missing = cli("", "trust", "check", "--policy", home.resolve("none.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist: write one with 'pitwall trust snapshot --out");
        Path broken = home.resolve("broken.yaml");
        Files.writeString(broken, "groups:\n  wg-globex:\n    executionMode: SANDBOX_EVERYTHING\n");
        CliRun invalid = cli("", "trust", "check", "--policy", broken.toString());
        assertThat(invalid.exitCode()).isEqualTo(2);
        assertThat(invalid.err()).contains("unknown execution mode 'SANDBOX_EVERYTHING'");
    }

    private static JsonNode find(JsonNode groups, String group) {
        for (JsonNode g : groups) {
            if (group.equals(g.path("group").asText())) {
                return g;
            }
        }
        throw new AssertionError("no group " + group + " in " + groups);
    }
}
