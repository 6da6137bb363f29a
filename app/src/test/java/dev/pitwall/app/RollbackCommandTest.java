package dev.pitwall.app;

import dev.pitwall.ops.guard.WriteRefused;
import dev.pitwall.ops.guard.WriteGuard;
import dev.pitwall.cli.Terminal;
import dev.pitwall.app.settings.ConfigDirs;
import dev.pitwall.cli.ParsedArgs;
import dev.pitwall.cli.RollbackCommand;
import dev.pitwall.demo.DemoEnvironment;
import dev.pitwall.demo.scenario.Scenario;
import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.demo.world.ImageBehaviour;
import dev.pitwall.files.HashChainedAuditLog;
import dev.pitwall.files.RollbackPlanFiles;
import dev.pitwall.kube.KubeClients;
import dev.pitwall.kube.KubeRollbackCluster;
import dev.pitwall.ops.audit.AuditEntry;
import dev.pitwall.redis.RedisClients;
import dev.pitwall.redis.RedisHeartbeats;
import dev.pitwall.testing.CliRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code pitwall rollback} contract against the demo incident (speed 0: verification waits advance the world). */
class RollbackCommandTest {

    private static final String STABLE = ImageBehaviour.IMAGE_REPOSITORY + ":" + ImageBehaviour.STABLE_TAG;

    @RegisterExtension
    final ConsoleWorld world = ConsoleWorld.demo(Scenario.INCIDENT, 7).advancedBy(Duration.ofMinutes(20));
    private Path home;
    private DemoEnvironment demo;
    private RedisClient redis;
    private HashChainedAuditLog audit;

    @BeforeEach
    void startIncident() {
        demo = world.demo();
        home = world.stateDir();
        redis = RedisClients.open(demo.profile(), ref -> Optional.empty());
        audit = new HashChainedAuditLog(home.resolve("state").resolve("audit.jsonl")); // the guard's too
    }

    @AfterEach
    void stop() {
        redis.close();
    }

    /**
     * The command as the launcher builds it (a refusal of the guard exits 3, as the launcher maps it), but waiting
     * in simulated time and with a scripted terminal, on a connection to the demo's cluster through a saved profile
     * that is marked production or not.
     */
    private CliRun rollback(boolean production, String typed, String... args) {
        return rollback(production, true, typed, args);
    }

    /** @param terminal whether someone is at a terminal to type (a script or a pipe is not) */
    private CliRun rollback(boolean production, boolean terminal, String typed, String... args) {
        WriteGuard guard = TestGuards.of(TestGuards.production(demo.profile(), production),
                new Backends(ref -> Optional.empty(), home.resolve("state")));
        RollbackCommand command = new RollbackCommand(
                () -> new KubeRollbackCluster(KubeClients.open(demo.profile())), () -> new RedisHeartbeats(redis),
                () -> guard, audit, new RollbackPlanFiles(home.resolve("state")), new Terminal(terminal, () -> typed),
                demo::advance, Clock.systemUTC());
        return CliRun.capture((out, err) -> {
            try {
                return command.run(ParsedArgs.parse(List.of(args), command.options()), out, err);
            } catch (WriteRefused e) {
                err.println("pitwall rollback: " + e.getMessage());
                return RollbackCommand.REFUSED;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    private String sharedImage() {
        return demo.kube().client().apps().statefulSets().inNamespace(DemoFleet.SHARED_NAMESPACE)
                .withName(DemoFleet.SHARED_WORKLOAD).get().getSpec().getTemplate().getSpec().getContainers().get(0)
                .getImage();
    }

    private Path plan() {
        Path file = home.resolve("shared.json");
        CliRun run = rollback(false, null, "plan", DemoFleet.SHARED_WORKLOAD, "--namespace",
                DemoFleet.SHARED_NAMESPACE, "--out", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return file;
    }

    @Test
    void planWritesJsonAndReadableMarkdown() throws Exception {
        Path file = plan();
        assertThat(Files.readString(file)).contains("\"targetRevision\"", STABLE);
        String markdown = Files.readString(home.resolve("shared.md"));
        assertThat(markdown).contains("# Rollback plan", "statefulset ap-shared/activepieces-worker",
                "Target images: " + STABLE, "image `containers`", "## Checks after the rollback");
    }

    @Test
    void runVerifiesAndExitsZeroOrNonZeroWhenVerificationFails() throws Exception {
        Path file = plan();
        // no simulated time may pass: the pods cannot have rolled, so verification fails and says on which pods
        CliRun failed = rollback(false, null, "run", file.toString(), "--timeout", "0s");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.out()).contains("verification failed", "image: not on " + STABLE,
                "activepieces-worker-");
        assertThat(audit.entries()).extracting(AuditEntry::action).contains("rollback.verification-failed");

        Path again = home.resolve("again.json");
        demo.kube().client().apps().statefulSets().inNamespace(DemoFleet.SHARED_NAMESPACE)
                .withName(DemoFleet.SHARED_WORKLOAD).edit(s -> {
                    s.getSpec().getTemplate().getSpec().getContainers().get(0)
                            .setImage(ImageBehaviour.IMAGE_REPOSITORY + ":" + ImageBehaviour.INCIDENT_TAG);
                    return s;
                });
        demo.advance(Duration.ofMinutes(5));
        assertThat(rollback(false, null, "plan", DemoFleet.SHARED_WORKLOAD, "--namespace",
                DemoFleet.SHARED_NAMESPACE, "--out", again.toString()).exitCode()).isZero();
        CliRun verified = rollback(false, null, "run", again.toString(), "--timeout", "1h");
        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).contains("verified:");
        assertThat(sharedImage()).isEqualTo(STABLE);
    }

    @Test
    void productionNeedsTheContextNamespaceAndWorkloadTypedOrWithoutATerminalYes() throws Exception {
        Path file = plan();
        CliRun script = rollback(true, false, null, "run", file.toString());
        assertThat(script.exitCode()).isEqualTo(RollbackCommand.REFUSED);
        assertThat(script.err()).contains("refused: statefulset ap-shared/activepieces-worker needs the typed "
                + "confirmation pitwall-demo/ap-shared/activepieces-worker, and there is no terminal to type it on: "
                + "give --yes");

        CliRun wrong = rollback(true, DemoFleet.SHARED_WORKLOAD, "run", file.toString());
        assertThat(wrong.exitCode()).isEqualTo(RollbackCommand.REFUSED);
        assertThat(wrong.err()).contains("production: type pitwall-demo/ap-shared/activepieces-worker to confirm",
                "refused: not confirmed: 'activepieces-worker' is not pitwall-demo/ap-shared/activepieces-worker");
        assertThat(sharedImage()).endsWith(ImageBehaviour.INCIDENT_TAG);

        CliRun typed = rollback(true, "pitwall-demo/ap-shared/activepieces-worker", "run", file.toString(),
                "--timeout", "1h");
        assertThat(typed.exitCode()).as(typed.out() + typed.err()).isZero();
        assertThat(audit.entries()).filteredOn(e -> e.action().equals("rollback.run.about-to")).singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("confirmation",
                        "typed pitwall-demo/ap-shared/activepieces-worker").containsEntry("target",
                        dev.pitwall.model.TargetIdentity.cluster(demo.kube().url(), "pitwall-demo").describe()));
    }

    @Test
    void aStalePlanIsRefusedWithWhatChangedAndExitCodeThree() throws Exception {
        Path file = plan();
        demo.kube().client().apps().statefulSets().inNamespace(DemoFleet.SHARED_NAMESPACE)
                .withName(DemoFleet.SHARED_WORKLOAD).edit(s -> {
                    s.getSpec().getTemplate().getSpec().getContainers().get(0).getResources()
                            .getLimits().put("memory", new io.fabric8.kubernetes.api.model.Quantity("3Gi"));
                    return s;
                });
        CliRun stale = rollback(false, null, "run", file.toString(), "--yes");
        assertThat(stale.exitCode()).isEqualTo(RollbackCommand.REFUSED);
        assertThat(stale.err()).contains("rollback refused, nothing written", "stale plan", "limits.memory");
        assertThat(sharedImage()).endsWith(ImageBehaviour.INCIDENT_TAG);
    }

    @Test
    void theLauncherOffersRollbackAndACorruptPlanIsAClearError() throws Exception {
        Path corrupt = home.resolve("corrupt.json");
        Files.writeString(corrupt, "{\"id\": 3, ");
        ConfigDirs dirs = new ConfigDirs(home.resolve("config"), home.resolve("state"));
        CliRun run = CliRun.capture((out, err) -> new Launcher(dirs, ref -> Optional.empty(), out, err).run(new String[]{
                "--kubeconfig", demo.kube().kubeconfig().toString(), "rollback", "run", corrupt.toString()}));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("is not a valid plan");
        CliRun help = CliRun.capture((out, err) -> new Launcher(dirs, ref -> Optional.empty(), out, err)
                .run(new String[]{"rollback", "--help"}));
        assertThat(help.out()).contains("pitwall rollback plan WORKLOAD [--namespace NS] [--to REVISION] [--out FILE]",
                "run PLAN [--yes]");
    }
}
