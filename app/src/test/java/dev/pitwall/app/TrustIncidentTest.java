package dev.pitwall.app;

import dev.pitwall.app.settings.ConfigDirs;
import dev.pitwall.demo.DemoEnvironment;
import dev.pitwall.demo.KubeMockCluster;
import dev.pitwall.demo.scenario.IncidentScript;
import dev.pitwall.demo.scenario.Scenario;
import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.demo.world.SimClock;
import dev.pitwall.demo.world.SimDriver;
import dev.pitwall.files.HashChainedAuditLog;
import dev.pitwall.testing.Await;
import dev.pitwall.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trust on the demo incident, headless: the flipped customer's group drifts and its smoke test fails at the code
 * step; after the guarded fix the heartbeats converge, the check passes, the smoke test passes, and the audit log
 * holds the change.
 */
class TrustIncidentTest {

    @TempDir
    Path home;

    private CliRun cli(DemoEnvironment demo, Path policy, String... args) {
        List<String> all = new ArrayList<>(List.of("--kubeconfig", demo.kube().kubeconfig().toString(), "--context",
                KubeMockCluster.CONTEXT, "--worker-selector", DemoFleet.WORKER_LABEL_KEY + "="
                        + DemoFleet.WORKER_LABEL_VALUE, "--redis", demo.redisUrl(), "--platform-url",
                demo.platformUrl(), "--platform-key-env", DemoEnvironment.PLATFORM_KEY_ENV));
        all.addAll(List.of(args));
        if (policy != null && (args[0].equals("trust") && !args[1].equals("fix"))) {
            all.addAll(List.of("--policy", policy.toString()));
        }
        ConfigDirs dirs = new ConfigDirs(home.resolve("config"), home.resolve("state"));
        // only the platform key is set: an audit key variable (PITWALL_AUDIT_KEY_ENV) is not
        return CliRun.capture((out, err) -> new Launcher(dirs, ref -> DemoEnvironment.PLATFORM_KEY_ENV.equals(ref)
                ? Optional.of(demo.platformKey()) : Optional.empty(),
                new ByteArrayInputStream(new byte[0]), out, err).run(all.toArray(String[]::new)));
    }

    @Test
    void driftIsFoundFixedAndVerifiedOnTheIncident() throws Exception {
        Path policy = home.resolve("trust.yaml");
        StringBuilder yaml = new StringBuilder("version: 1\ngroups:\n  shared:\n    executionMode: SANDBOX_CODE_AND_PROCESS\n");
        for (String customer : DemoFleet.CUSTOMERS) {
            yaml.append("  ").append(DemoFleet.groupIdOf(customer)).append(":\n    executionMode: SANDBOX_PROCESS\n")
                    .append("    smoke: {flowId: smoke-").append(customer).append(", projectId: ")
                    .append(DemoFleet.projectOf(customer)).append("}\n");
        }
        Files.writeString(policy, yaml);
        String globex = DemoFleet.groupIdOf(DemoFleet.FLIPPED_CUSTOMER);
        // the world moves only when the test moves it: as fast as it can, instead of a simulated minute a second
        try (DemoEnvironment demo = DemoEnvironment.start(new DemoEnvironment.Options(Scenario.INCIDENT, 17, 0,
                SimClock.EPOCH))) {
            demo.advance(IncidentScript.MIGRATION_AT); // the customer's workers start flipping now
            CliRun drift = Await.value("trust check to find the migration's drift", Duration.ofSeconds(90),
                    () -> {
                        demo.advance(Duration.ofSeconds(30));
                        return cli(demo, policy, "trust", "check", "--json");
                    }, r -> r.exitCode() == 1 && r.out().contains("\"SANDBOX_CODE_ONLY\""));
            assertThat(drift.out()).contains("\"group\":\"" + globex + "\"");

            // drift shows as soon as one globex pod reports the new mode; a smoke run that lands on a pod the
            // migration has not reached yet still passes, so the smoke is repeated until the rollout is through
            CliRun smokeFails = Await.value("the smoke flow to fail on the flipped workers", Duration.ofSeconds(90),
                    () -> whileTimeRuns(demo, () -> cli(demo, policy, "trust", "smoke", globex)),
                    r -> r.exitCode() != 0);
            assertThat(smokeFails.exitCode()).as(smokeFails.out() + smokeFails.err()).isEqualTo(1);
            assertThat(smokeFails.out() + smokeFails.err()).contains("Cannot find module");

            CliRun fix = whileTimeRuns(demo, () -> cli(demo, policy, "trust", "fix", globex, "--mode",
                    "SANDBOX_PROCESS", "--yes"));
            assertThat(fix.exitCode()).as(fix.out() + fix.err()).isZero();

            CliRun clean = Await.value("trust check to pass after the fix", Duration.ofSeconds(90),
                    () -> {
                        demo.advance(Duration.ofSeconds(30));
                        return cli(demo, policy, "trust", "check");
                    }, r -> r.exitCode() == 0);
            assertThat(clean.exitCode()).isZero();
            CliRun smokePasses = whileTimeRuns(demo, () -> cli(demo, policy, "trust", "smoke", globex));
            assertThat(smokePasses.exitCode()).as(smokePasses.out() + smokePasses.err()).isZero();

            HashChainedAuditLog audit = new HashChainedAuditLog(home.resolve("state").resolve("audit.jsonl"));
            assertThat(audit.verify()).isEmpty();
            assertThat(audit.entries()).anyMatch(e -> e.target().contains(DemoFleet.namespaceOf(
                    DemoFleet.FLIPPED_CUSTOMER)) && e.details().toString().contains("SANDBOX_CODE_ONLY")
                    && e.details().toString().contains("SANDBOX_PROCESS"));
        }
    }

    /** Runs a command that waits for the world (a rollout, a smoke run) while moving the world's time until it ends. */
    private static CliRun whileTimeRuns(DemoEnvironment demo, java.util.function.Supplier<CliRun> command) {
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(command);
        Await.until("the command to end while simulated time runs", Duration.ofSeconds(90), () -> {
            if (!run.isDone()) {
                demo.advance(SimDriver.TICK);
            }
            return run.isDone();
        });
        return run.join();
    }
}
