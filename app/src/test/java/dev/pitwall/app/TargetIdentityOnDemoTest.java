package dev.pitwall.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pitwall.app.settings.ConfigDirs;
import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.model.BackendKind;
import dev.pitwall.ops.canary.CanarySettings;
import dev.pitwall.ops.guard.Confirmer;
import dev.pitwall.ops.rollback.WorkloadRef;
import dev.pitwall.testing.CliRun;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two demo worlds at once, A and B, with the same names in them and one state directory (one user's machine): what
 * belongs to A is refused on B, naming both; a workload recreated under its name, a plan of an older Pitwall and a
 * kube context gone from the kubeconfig are one-line refusals with exit 3, and nothing is written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TargetIdentityOnDemoTest {

    private static final String KEY_ENV = "PITWALL_TEST_PLATFORM_KEY";
    private static final String SHARED = DemoFleet.SHARED_WORKLOAD;
    private static final String SHARED_NS = DemoFleet.SHARED_NAMESPACE;

    @TempDir
    Path home;
    private CanaryDemoFixture a;
    private CanaryDemoFixture b;

    @BeforeAll
    void startTwoDemos(@TempDir Path state) {
        a = new CanaryDemoFixture(state, 51);
        b = new CanaryDemoFixture(state, 52);
    }

    @AfterAll
    void stop() {
        a.close();
        b.close();
    }

    private CliRun cliWith(CanaryDemoFixture demo, String kubeconfig, String... args) {
        List<String> all = new ArrayList<>(List.of("--kubeconfig", kubeconfig, "--context", "pitwall-demo",
                "--worker-selector", DemoFleet.WORKER_LABEL_KEY + "=" + DemoFleet.WORKER_LABEL_VALUE,
                "--redis", demo.demo.redisUrl(), "--platform-url", demo.demo.platformUrl(), "--platform-key-env",
                KEY_ENV));
        all.addAll(List.of(args));
        ConfigDirs dirs = new ConfigDirs(home.resolve("config"), a.state);
        return CliRun.capture((out, err) -> new Launcher(dirs, ref -> Optional.of(demo.demo.platformKey()),
                new ByteArrayInputStream(new byte[0]), out, err).run(all.toArray(String[]::new)));
    }

    private CliRun cli(CanaryDemoFixture demo, String... args) {
        return cliWith(demo, demo.demo.kube().kubeconfig().toString(), args);
    }

    private static String api(CanaryDemoFixture demo) {
        return demo.guard.identity(BackendKind.KUBERNETES).endpoint();
    }

    private static String version(CanaryDemoFixture demo, String namespace, String name) {
        var apps = demo.demo.kube().client().apps();
        var d = apps.deployments().inNamespace(namespace).withName(name).get();
        return d != null ? d.getMetadata().getResourceVersion()
                : apps.statefulSets().inNamespace(namespace).withName(name).get().getMetadata().getResourceVersion();
    }

    private static void refusedInOneLine(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.err().lines()).as(run.err()).singleElement().satisfies(line -> assertThat(line)
                .contains(message));
    }

    @Test
    void aRollbackPlanAndAReplayPlanOfDemoAAreRefusedOnDemoBNamingBoth() throws Exception {
        Path plan = home.resolve("shared-a.json");
        assertThat(cli(a, "rollback", "plan", SHARED, "--namespace", SHARED_NS, "--out", plan.toString())
                .exitCode()).isZero();
        String onB = version(b, SHARED_NS, SHARED);
        String both = "refused: plan belongs to " + api(a) + " (context pitwall-demo) but this connection is "
                + api(b) + " (context pitwall-demo)";

        refusedInOneLine(cli(b, "rollback", "test", plan.toString()), both);
        refusedInOneLine(cli(b, "rollback", "run", plan.toString(), "--yes"), both);
        assertThat(version(b, SHARED_NS, SHARED)).as("nothing written on B").isEqualTo(onB);
        assertThat(cli(a, "rollback", "test", plan.toString()).exitCode()).as("on A it holds").isZero();

        Path replay = home.resolve("replay-a.json");
        assertThat(cli(a, "replay", "plan", "--since", a.demo.clock().instant().minus(Duration.ofHours(6))
                .toString(), "--out", replay.toString()).exitCode()).isZero();
        refusedInOneLine(cli(b, "replay", "run", replay.toString(), "--canary", "0"), "refused: plan belongs to "
                + a.demo.platformUrl().replaceAll("/$", "") + " but this connection is "
                + b.demo.platformUrl().replaceAll("/$", ""));
        assertThat(b.demo.platform().runs().stream().mapToInt(r -> b.demo.platform().retryCount(r.id())).sum())
                .as("no retry reached B's platform").isZero();
    }

    @Test
    void aCanaryOfDemoAIsNeitherShownNorChangedOnDemoB() throws Exception {
        WorkloadRef initech = a.workload(DemoFleet.namespaceOf("initech"), DemoFleet.workloadOf("initech"));
        a.capturePlan(initech, true);
        a.engine().start(initech, new CanarySettings(CanaryDemoFixture.REPOSITORY + "0.88.1", Map.of(), null,
                Duration.ofMinutes(10), null), Confirmer.yes());
        String ns = initech.namespace();
        String onB = version(b, ns, initech.name());

        CliRun status = cli(b, "canary", "status", initech.name(), "--namespace", ns);
        assertThat(status.exitCode()).as(status.out() + status.err()).isEqualTo(4);
        assertThat(status.err()).contains("no canary of deployment " + ns + "/" + initech.name());
        assertThat(cli(b, "canary", "abort", initech.name(), "--namespace", ns).exitCode()).isEqualTo(4);
        assertThat(version(b, ns, initech.name())).isEqualTo(onB);
        assertThat(b.replicas(initech)).isEqualTo(DemoFleet.DEDICATED_REPLICAS);

        // A's journal carried to B's place (a copied state directory): the record says where it belongs
        Path fromA = new dev.pitwall.files.CanaryJournalFile(a.state).file(a.guard.identity(BackendKind.KUBERNETES),
                initech);
        Path toB = new dev.pitwall.files.CanaryJournalFile(a.state).file(b.guard.identity(BackendKind.KUBERNETES),
                initech);
        Files.createDirectories(toB.getParent());
        Files.copy(fromA, toB);
        refusedInOneLine(cli(b, "canary", "abort", initech.name(), "--namespace", ns), "refused: canary record "
                + "belongs to " + api(a) + " (context pitwall-demo) but this connection is " + api(b)
                + " (context pitwall-demo)");
        assertThat(version(b, ns, initech.name())).isEqualTo(onB);
        assertThat(a.engine().find(initech).orElseThrow().phase().name()).as("A's canary runs on")
                .isEqualTo("RUNNING");
    }

    @Test
    void aWorkloadDeletedAndRecreatedUnderItsNameIsAnotherTarget() throws Exception {
        String ns = DemoFleet.namespaceOf("acme");
        String name = DemoFleet.workloadOf("acme");
        Path plan = home.resolve("acme-b.json");
        assertThat(cli(b, "rollback", "plan", name, "--namespace", ns, "--out", plan.toString()).exitCode())
                .isZero();

        var deployments = b.demo.kube().client().apps().deployments().inNamespace(ns);
        Deployment old = deployments.withName(name).get();
        deployments.withName(name).delete();
        // created again from the same manifest: the API server gives the new object a UID of its own
        deployments.resource(new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(ns)
                .withLabels(old.getMetadata().getLabels()).withAnnotations(old.getMetadata().getAnnotations())
                .withUid(UUID.randomUUID().toString()).endMetadata().withSpec(old.getSpec()).build()).create();
        String uidNow = deployments.withName(name).get().getMetadata().getUid();
        assertThat(uidNow).isNotEqualTo(old.getMetadata().getUid());
        String before = version(b, ns, name);

        refusedInOneLine(cli(b, "rollback", "run", plan.toString(), "--yes"), "refused: deployment " + ns + "/"
                + name + " was deleted and recreated since the plan was made (UID " + old.getMetadata().getUid()
                + ", now " + uidNow + "): capture a new plan with `pitwall rollback plan " + name + " --namespace "
                + ns + "`");
        assertThat(version(b, ns, name)).as("nothing written").isEqualTo(before);
    }

    @Test
    void aPlanOfAnOlderPitwallAndAVanishedContextAreOneLineRefusals() throws Exception {
        Path plan = home.resolve("shared-legacy.json");
        assertThat(cli(a, "rollback", "plan", SHARED, "--namespace", SHARED_NS, "--out", plan.toString())
                .exitCode()).isZero();
        ObjectMapper json = new ObjectMapper();
        ObjectNode older = (ObjectNode) json.readTree(plan.toFile());
        older.remove(List.of("cluster", "workloadUid"));
        json.writeValue(plan.toFile(), older);
        String before = version(a, SHARED_NS, SHARED);
        refusedInOneLine(cli(a, "rollback", "run", plan.toString(), "--yes"), "refused: this plan was made by an "
                + "older Pitwall and does not say which cluster it belongs to: capture a new plan with `pitwall "
                + "rollback plan " + SHARED + " --namespace " + SHARED_NS + "`");

        Path replay = home.resolve("replay-legacy.json");
        assertThat(cli(a, "replay", "plan", "--since", a.demo.clock().instant().minus(Duration.ofHours(6))
                .toString(), "--out", replay.toString()).exitCode()).isZero();
        ObjectNode olderReplay = (ObjectNode) json.readTree(replay.toFile());
        olderReplay.remove("target");
        json.writeValue(replay.toFile(), olderReplay);
        refusedInOneLine(cli(a, "replay", "run", replay.toString()), "refused: this plan was made by an older "
                + "Pitwall and does not say which platform it belongs to: make a new plan with `pitwall replay plan "
                + "[FILTERS] --out PLAN.json` on this connection");

        // the kubeconfig loses the context the plan was made through
        Path kubeconfig = home.resolve("kubeconfig");
        Files.writeString(kubeconfig, Files.readString(a.demo.kube().kubeconfig()));
        Path fresh = home.resolve("shared-fresh.json");
        assertThat(cliWith(a, kubeconfig.toString(), "rollback", "plan", SHARED, "--namespace", SHARED_NS, "--out",
                fresh.toString()).exitCode()).isZero();
        Files.writeString(kubeconfig, Files.readString(kubeconfig).replace("pitwall-demo", "renamed"));
        String gone = "refused: kube context 'pitwall-demo' is no longer in " + kubeconfig;
        refusedInOneLine(cliWith(a, kubeconfig.toString(), "rollback", "run", fresh.toString(), "--yes"), gone);
        refusedInOneLine(cliWith(a, kubeconfig.toString(), "canary", "abort", SHARED, "--namespace", SHARED_NS), gone);
        refusedInOneLine(cliWith(a, kubeconfig.toString(), "trust", "fix", "wg-acme", "--mode", "SANDBOX_PROCESS",
                "--yes"), gone);
        assertThat(version(a, SHARED_NS, SHARED)).as("nothing written").isEqualTo(before);
    }
}
