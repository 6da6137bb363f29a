package dev.pitwall.app;

import dev.pitwall.cli.CanaryCommand;
import dev.pitwall.cli.Command;
import dev.pitwall.cli.RollbackCommand;
import dev.pitwall.cli.Terminal;
import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.model.BackendKind;
import dev.pitwall.testing.CliRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rollback plan written with {@code rollback plan --out FILE} serves a canary either way: it is recorded in the
 * state directory too, and {@code canary start --plan FILE} names it. On the demo world, in simulated time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CanaryPlanFileTest {

    private static final String BAD_CACHE = CanaryDemoFixture.REPOSITORY + "0.88.1-bad-cache";

    private Path state;
    private Path elsewhere;
    private CanaryDemoFixture fx;
    private CanaryCommand canary;
    private RollbackCommand rollback;

    @BeforeAll
    void startDemo(@TempDir Path state, @TempDir Path elsewhere) {
        this.state = state;
        this.elsewhere = elsewhere;
        fx = new CanaryDemoFixture(state, 31);
        canary = new CanaryCommand(() -> fx.open("cli-test"), () -> fx.guard, new Terminal(false, () -> null),
                fx.demo::advance);
        rollback = new RollbackCommand(() -> fx.backends.rollbackCluster(fx.demo.profile()),
                () -> fx.backends.heartbeats(fx.demo.profile(), client -> { }), () -> fx.guard,
                fx.backends.auditLog(), fx.backends.rollbackPlans(), new Terminal(false, () -> null),
                fx.demo::advance, fx.demo.clock());
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    private static CliRun run(Command command, String... args) {
        return CliRun.command(command, args);
    }

    @Test
    void aPlanWrittenElsewhereAndTestedThereLetsTheUsualStartGo() {
        String ns = DemoFleet.namespaceOf("globex");
        String name = DemoFleet.workloadOf("globex");
        Path file = elsewhere.resolve("globex-plan.json");

        CliRun plan = run(rollback, "plan", name, "--namespace", ns, "--out", file.toString());
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("written: " + file, "recorded in the state directory too: "
                + state.resolve("rollback-plans"));
        assertThat(run(rollback, "test", file.toString()).exitCode()).isZero();

        CliRun start = run(canary, "start", name, "--namespace", ns, "--image", BAD_CACHE);

        assertThat(start.err()).doesNotContain("refused");
        assertThat(start.out()).contains("started: " + BAD_CACHE).contains("ABORTED: FILL_RATE gate failed");
        assertThat(start.exitCode()).isEqualTo(1);
    }

    @Test
    void startWithPlanUsesThatTestedPlanAndARefusalNamesWhereItLooked() throws Exception {
        String ns = DemoFleet.SHARED_NAMESPACE;
        String name = DemoFleet.SHARED_WORKLOAD;
        Path file = elsewhere.resolve("shared-plan.json");
        assertThat(run(rollback, "plan", name, "--namespace", ns, "--out", file.toString()).exitCode()).isZero();
        assertThat(run(rollback, "test", file.toString()).exitCode()).isZero();
        Path recorded = fx.backends.rollbackPlans().directory(fx.guard.identity(BackendKind.KUBERNETES));
        try (var copies = Files.list(recorded)) {
            for (Path copy : copies.filter(f -> f.getFileName().toString().startsWith(name + "-")).toList()) {
                Files.delete(copy);
            }
        }

        CliRun usual = run(canary, "start", name, "--namespace", ns, "--image", BAD_CACHE);
        assertThat(usual.exitCode()).isEqualTo(CanaryCommand.REFUSED);
        assertThat(usual.err()).contains("no rollback plan captured for statefulset " + ns + "/" + name + " in "
                + recorded + ": run `pitwall rollback plan " + name + " --namespace " + ns + "`");

        Path missing = elsewhere.resolve("missing.json");
        CliRun none = run(canary, "start", name, "--namespace", ns, "--image", BAD_CACHE, "--plan",
                missing.toString());
        assertThat(none.exitCode()).isEqualTo(CanaryCommand.REFUSED);
        assertThat(none.err()).contains("FAIL  rollback plan: the rollback plan given cannot be used: no rollback "
                + "plan at " + missing);

        CliRun other = run(canary, "start", DemoFleet.workloadOf("acme"), "--namespace",
                DemoFleet.namespaceOf("acme"), "--image", BAD_CACHE, "--plan", file.toString());
        assertThat(other.exitCode()).isEqualTo(CanaryCommand.REFUSED);
        assertThat(other.err()).contains("the rollback plan " + file + " is for statefulset " + ns + "/" + name);

        CliRun named = run(canary, "start", name, "--namespace", ns, "--image", BAD_CACHE, "--plan",
                file.toString());
        assertThat(named.out()).as(named.err()).contains("started: " + BAD_CACHE);
        assertThat(named.exitCode()).isEqualTo(1);
    }
}
