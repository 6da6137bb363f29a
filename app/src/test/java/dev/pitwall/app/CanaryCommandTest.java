package dev.pitwall.app;

import dev.pitwall.ops.guard.Confirmer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.cli.CanaryCommand;
import dev.pitwall.cli.ParsedArgs;
import dev.pitwall.cli.Terminal;
import dev.pitwall.cli.UsageException;
import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.ops.canary.CanarySession;
import dev.pitwall.ops.canary.CanarySettings;
import dev.pitwall.ops.rollback.WorkloadRef;
import dev.pitwall.testing.CliRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code pitwall canary} contract on the demo world, waiting in simulated time. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CanaryCommandTest {

    private static final Confirmer YES = Confirmer.yes();

    private CanaryDemoFixture fx;
    private CanaryCommand command;

    @BeforeAll
    void startDemo(@TempDir Path state) {
        fx = new CanaryDemoFixture(state, 21);
        command = new CanaryCommand(() -> fx.open("cli-test"), () -> fx.guard, new Terminal(false, () -> null),
                fx.demo::advance);
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    private CliRun canary(String... args) {
        return CliRun.command(command, args);
    }

    @Test
    void helpListsTheFlagsAndTheExitCodes() {
        String help = HelpText.command(command);
        assertThat(help).contains("canary start WORKLOAD --image IMAGE [--env K=V ...] [--steps 1,25,50,100] "
                + "[--hold 10m]").contains("canary status WORKLOAD [--json]")
                .contains("pause|resume|promote|abort WORKLOAD").contains("--every", "--max-fill-rate", "--min-runs")
                .contains("exit codes: 0 promoted").contains("3 refused").contains("4 the workload has no canary");
        assertThatThrownBy(() -> command.run(ParsedArgs.parse(List.of("start", "x"), command.options()), null, null))
                .isInstanceOf(UsageException.class).hasMessageContaining("--image");
        assertThatThrownBy(() -> command.run(ParsedArgs.parse(List.of("start", "x", "--image", "i:1", "--steps",
                "50,25"), command.options()), null, null)).isInstanceOf(UsageException.class)
                .hasMessageContaining("steps must rise");
        assertThatThrownBy(() -> command.run(ParsedArgs.parse(List.of("wobble", "x"), command.options()), null,
                null)).isInstanceOf(UsageException.class).hasMessageContaining("unknown canary verb");
        assertThatThrownBy(() -> command.run(ParsedArgs.parse(List.of("start", "x", "--image", "i:1", "--every",
                "0"), command.options()), null, null)).isInstanceOf(UsageException.class)
                .hasMessage("--every must be more than 0: a driver evaluates the gates every interval");
        assertThat(help).contains("[--env-from-secret K=SECRET_NAME:KEY ...]");
    }

    @Test
    void aSecretLookingEnvValueIsRefusedWithTheSecretReferenceToUseInstead() {
        for (String name : List.of("AP_API_KEY", "github_token", "Db_Password", "AP_SECRET_SAUCE")) {
            assertThatThrownBy(() -> command.run(ParsedArgs.parse(List.of("start", "x", "--image", "i:1", "--env",
                    name + "=hunter2-secret"), command.options()), null, null))
                    .isInstanceOf(UsageException.class)
                    .hasMessageContaining(name + " looks like a secret")
                    .hasMessageContaining("--env-from-secret " + name + "=SECRET_NAME:KEY")
                    .hasMessageNotContaining("hunter2");
        }
        assertThatThrownBy(() -> command.run(ParsedArgs.parse(List.of("start", "x", "--image", "i:1",
                "--env-from-secret", "AP_API_KEY=no-key-given"), command.options()), null, null))
                .isInstanceOf(UsageException.class).hasMessageContaining("SECRET_NAME:KEY");
    }

    @Test
    void startIsRefusedWithoutATestedPlanThenRunsAGoodImageToPromotion() throws Exception {
        String ns = DemoFleet.namespaceOf("acme");
        String name = DemoFleet.workloadOf("acme");
        String image = CanaryDemoFixture.REPOSITORY + "0.88.1";
        CliRun refused = canary("start", name, "--namespace", ns, "--image", image);
        assertThat(refused.exitCode()).isEqualTo(CanaryCommand.REFUSED);
        assertThat(refused.err()).contains("FAIL  rollback plan: no rollback plan captured")
                .contains("`pitwall rollback plan " + name + " --namespace " + ns + "`");

        fx.capturePlan(fx.workload(ns, name), true);
        CliRun run = canary("start", name, "--namespace", ns, "--image", image, "--env", "AP_EXTRA=1",
                "--env-from-secret", "AP_API_KEY=ap-keys:api-key", "--steps", "50,100", "--hold", "5m", "--every",
                "30s", "--min-runs", "5");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("started: " + image).contains("promoting").contains("PROMOTED: ");

        CliRun status = canary("status", name, "--namespace", ns, "--json");
        assertThat(status.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(status.out());
        assertThat(json.path("phase").asText()).isEqualTo("PROMOTED");
        assertThat(json.path("env").path("AP_EXTRA").asText()).isEqualTo("1");
        assertThat(json.path("envFromSecret").path("AP_API_KEY").asText()).isEqualTo("ap-keys:api-key");
        assertThat(fx.image(fx.workload(ns, name))).isEqualTo(image);
        var key = fx.container(fx.workload(ns, name)).getEnv().stream().filter(v -> v.getName().equals("AP_API_KEY"))
                .findFirst().orElseThrow();
        assertThat(key.getValue()).isNull();
        assertThat(key.getValueFrom().getSecretKeyRef().getName()).isEqualTo("ap-keys");
        assertThat(key.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("api-key");
    }

    @Test
    void statusPauseResumeAndAbortFromAnotherTerminal() throws Exception {
        String ns = DemoFleet.namespaceOf("initech");
        String name = DemoFleet.workloadOf("initech");
        WorkloadRef initech = fx.workload(ns, name);
        fx.capturePlan(initech, true);
        try (CanarySession driver = fx.open("driver")) {
            driver.engine().start(initech, new CanarySettings(CanaryDemoFixture.REPOSITORY + "0.88.4", Map.of(),
                    null, Duration.ofMinutes(10), null), YES);
            fx.demo.advance(Duration.ofMinutes(1));
            driver.engine().evaluate(initech, driver.engine().driver("test", Duration.ofSeconds(30)));
        }

        CliRun status = canary("status", name, "--namespace", ns, "--json");
        assertThat(status.exitCode()).as(status.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(status.out());
        assertThat(json.fieldNames()).toIterable().containsExactly("workload", "canary", "phase", "step", "steps",
                "stepPercent", "canaryReplicas", "mainReplicas", "image", "env", "envFromSecret", "hold", "startedAt", "stepStartedAt",
                "stepEndsAt", "pausedAt", "rollbackPlan", "driver", "gates", "abortReason", "timeline");
        assertThat(json.path("workload").path("kind").asText()).isEqualTo("deployment");
        assertThat(json.path("canary").asText()).isEqualTo(name + "-canary");
        assertThat(json.path("phase").asText()).isEqualTo("RUNNING");
        assertThat(json.path("step").asInt()).isEqualTo(1);
        assertThat(json.path("canaryReplicas").asInt()).isEqualTo(1);
        assertThat(json.path("gates")).extracting(g -> g.path("gate").asText()).containsExactly("FAILURE_RATE",
                "RESTARTS", "FILL_RATE", "TIME_TO_FULL", "HEARTBEATS", "QUEUE_DEPTH");
        assertThat(json.path("gates").get(0).fieldNames()).toIterable()
                .containsExactly("gate", "verdict", "measured", "threshold");
        assertThat(json.path("abortReason").isNull()).isTrue();
        assertThat(json.path("driver").path("id").asText()).startsWith("driver@").contains("(test, pid ");

        // one driver at a time: a start from another terminal leaves the canary to the one whose lease runs
        CliRun second = canary("start", name, "--namespace", ns, "--image", CanaryDemoFixture.REPOSITORY + "0.88.4");
        assertThat(second.exitCode()).as(second.out() + second.err()).isEqualTo(CanaryCommand.REFUSED);
        assertThat(second.err()).contains("is driven by driver@")
                .contains("`pitwall canary status " + name + " --namespace " + ns + "`");
        assertThat(canary("status", name, "--namespace", ns).out()).contains("  driven by driver@");
        fx.demo.advance(Duration.ofMinutes(2));
        assertThat(canary("status", name, "--namespace", ns).out())
                .as("the driver stopped: its lease ran out, and status says nobody judges the gates")
                .contains("NOBODY DRIVES IT").contains("pitwall canary start " + name);

        assertThat(canary("pause", name, "--namespace", ns).exitCode()).isZero();
        assertThat(canary("pause", name, "--namespace", ns).exitCode()).isEqualTo(CanaryCommand.REFUSED);
        JsonNode paused = new ObjectMapper().readTree(canary("status", name, "--namespace", ns, "--json").out());
        assertThat(paused.path("phase").asText()).isEqualTo("PAUSED");
        assertThat(paused.path("pausedAt").isNull()).isFalse();
        assertThat(canary("resume", name, "--namespace", ns).exitCode()).isZero();

        CliRun abort = canary("abort", name, "--namespace", ns);
        assertThat(abort.exitCode()).isZero();
        assertThat(abort.out()).contains("ABORTED: aborted by hand");
        CliRun after = canary("status", name, "--namespace", ns, "--json");
        assertThat(after.exitCode()).isEqualTo(1);
        JsonNode aborted = new ObjectMapper().readTree(after.out());
        assertThat(aborted.path("abortReason").path("gate").asText()).isEqualTo("manual");
        assertThat(aborted.path("abortReason").fieldNames()).toIterable()
                .containsExactly("gate", "measured", "threshold", "at");
        assertThat(canary("abort", name, "--namespace", ns).exitCode()).isEqualTo(CanaryCommand.REFUSED);
        assertThat(fx.replicas(initech)).isEqualTo(DemoFleet.DEDICATED_REPLICAS);

        CliRun none = canary("status", DemoFleet.workloadOf("globex"), "--namespace",
                DemoFleet.namespaceOf("globex"));
        assertThat(none.exitCode()).isEqualTo(CanaryCommand.NO_CANARY);
        assertThat(none.err()).contains("no canary of");
    }
}
