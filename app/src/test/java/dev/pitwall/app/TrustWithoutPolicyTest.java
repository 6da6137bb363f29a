package dev.pitwall.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.app.settings.ConfigDirs;
import dev.pitwall.demo.DemoEnvironment;
import dev.pitwall.demo.KubeMockCluster;
import dev.pitwall.demo.scenario.Scenario;
import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.demo.world.SimClock;
import dev.pitwall.ops.trust.DriftKind;
import dev.pitwall.ops.trust.GroupTrust;
import dev.pitwall.ops.trust.TrustReport;
import dev.pitwall.ops.trust.TrustSession;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pitwall trust check} with no policy on the demo, driven in simulated time: the incident's namespace
 * migration is a change by revision, found with no preparation; the steady fleet and the fleet after the fix are
 * clean. And the demo itself writes a policy of its healthy fleet, which its profile names.
 */
class TrustWithoutPolicyTest {

    private static final String MIGRATION = "namespace migration to ap-dedicated-globex";
    private static final List<String> CONTRACT = List.of("group", "namespace", "workload", "expected", "declared",
            "effective", "npmAllowed", "drift", "lastChange");

    @TempDir
    Path home;

    private static DemoEnvironment demo(Scenario scenario) {
        return DemoEnvironment.start(new DemoEnvironment.Options(scenario, 1, 0, SimClock.EPOCH));
    }

    /** A command against the demo's endpoints given as flags: a profile with no trust policy. */
    private CliRun cli(DemoEnvironment demo, String... args) {
        List<String> all = new ArrayList<>(List.of("--kubeconfig", demo.kube().kubeconfig().toString(), "--context",
                KubeMockCluster.CONTEXT, "--worker-selector", DemoFleet.WORKER_LABEL_KEY + "="
                        + DemoFleet.WORKER_LABEL_VALUE, "--redis", demo.redisUrl()));
        all.addAll(List.of(args));
        return launch(all);
    }

    private CliRun launch(List<String> args) {
        ConfigDirs dirs = new ConfigDirs(home.resolve("config"), home.resolve("state"));
        return CliRun.capture((out, err) -> new Launcher(dirs, ref -> Optional.empty(),
                new ByteArrayInputStream(new byte[0]), out, err).run(args.toArray(String[]::new)));
    }

    @Test
    void duringTheIncidentCheckWithoutAPolicyExitsOneNamingTheFlippedGroupAndItsRevision() throws Exception {
        try (DemoEnvironment demo = demo(Scenario.INCIDENT)) {
            demo.advance(Duration.ofMinutes(25));

            CliRun text = cli(demo, "trust", "check");
            assertThat(text.exitCode()).as(text.out() + text.err()).isEqualTo(1);
            assertThat(text.out()).contains("DRIFT  group wg-globex",
                    "expected   SANDBOX_PROCESS (history: revisions 3-4)", "declared   SANDBOX_CODE_ONLY",
                    "drift      CRITICAL: execution mode changed by revision 5 (\"" + MIGRATION + "\", ",
                    ") changed SANDBOX_PROCESS to SANDBOX_CODE_ONLY: npm STRIPPED from code steps",
                    "1 of 4 worker group(s) drift");
            assertThat(text.out()).contains("note: no trust policy: each group is expected to run the mode its "
                    + "revision history settled in");

            CliRun json = cli(demo, "trust", "check", "--json");
            assertThat(json.exitCode()).isEqualTo(1);
            JsonNode groups = new ObjectMapper().readTree(json.out());
            for (JsonNode g : groups) {
                List<String> keys = new ArrayList<>();
                g.fieldNames().forEachRemaining(keys::add);
                assertThat(keys).as(g.toString()).containsExactlyElementsOf(CONTRACT);
            }
            JsonNode globex = find(groups, "wg-globex");
            assertThat(globex.path("expected").asText()).isEqualTo("SANDBOX_PROCESS");
            assertThat(globex.path("drift")).hasSize(1);
            JsonNode drift = globex.path("drift").get(0);
            assertThat(drift.fieldNames()).toIterable().containsExactly("kind", "revision", "previousMode");
            assertThat(drift.path("kind").asText()).isEqualTo(DriftKind.CHANGED_BY_REVISION.id());
            assertThat(drift.path("revision").asLong()).isEqualTo(5);
            assertThat(drift.path("previousMode").asText()).isEqualTo("SANDBOX_PROCESS");
            assertThat(globex.path("lastChange").path("changeCause").asText()).isEqualTo(MIGRATION);
            assertThat(find(groups, "shared").path("drift")).as("a new image is no change of mode").isEmpty();

            // the fix returns the group to the mode its history settled in: no drift once it has rolled out
            CliRun fix = cli(demo, "trust", "fix", "wg-globex", "--mode", "SANDBOX_PROCESS", "--yes", "--timeout",
                    "1");
            assertThat(fix.out()).as(fix.err()).contains("Applied");
            demo.advance(Duration.ofMinutes(10));
            CliRun after = cli(demo, "trust", "check");
            assertThat(after.exitCode()).as(after.out() + after.err()).isZero();
            assertThat(after.out()).contains("ok     group wg-globex", "all 4 worker group(s) match");
        }
    }

    @Test
    void onTheSteadyFleetCheckWithoutAPolicyExitsZero() {
        try (DemoEnvironment demo = demo(Scenario.STEADY)) {
            demo.advance(Duration.ofMinutes(5));

            CliRun check = cli(demo, "trust", "check");

            assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
            assertThat(check.out()).contains("ok     group wg-globex", "expected   SANDBOX_PROCESS (history: "
                    + "revisions 3-4)", "all 4 worker group(s) match");
        }
    }

    @Test
    void theDemoWritesAPolicyOfItsHealthyFleetAndItsProfileUsesIt() throws Exception {
        try (DemoEnvironment demo = demo(Scenario.INCIDENT)) {
            Path policy = Path.of(demo.profile().trustPolicy());
            assertThat(Files.readString(policy)).contains("wg-globex:", "wg-acme:", "shared:",
                    "executionMode: SANDBOX_PROCESS", "executionMode: SANDBOX_CODE_AND_PROCESS");
            demo.advance(Duration.ofMinutes(15));

            try (TrustSession session = TrustSessions.open(demo.profile(), null,
                    ref -> ref.equals(demo.profile().platformKeyEnv()) ? Optional.of(demo.platformKey())
                            : Optional.empty(),
                    new Backends(ref -> Optional.empty(), home.resolve("state")).auditLog(),
                    TestGuards.demo(demo.profile(), new Backends(ref -> Optional.empty(), home.resolve("state")),
                            demo.clock()), demo.clock())) {
                assertThat(session.policy().isLoaded()).isTrue();
                TrustReport report = session.engine().evaluate(session.policy().policyOrEmpty());
                GroupTrust globex = report.groups().stream().filter(g -> "wg-globex".equals(g.group()))
                        .findFirst().orElseThrow();
                assertThat(globex.expectedText()).isEqualTo("SANDBOX_PROCESS (group wg-globex)");
                assertThat(globex.drift()).as("the policy wins over the history")
                        .contains(DriftKind.EXPECTED_VS_DECLARED).doesNotContain(DriftKind.CHANGED_BY_REVISION);
                assertThat(report.drifts()).extracting(GroupTrust::group).containsExactly("wg-globex");
            }
        }
        assertThat(launch(List.of("--demo", "--speed", "0", "trust", "check")).out())
                .as("the console on --demo checks against the demo's policy")
                .contains("expected   SANDBOX_PROCESS (group wg-globex)").doesNotContain("no trust policy");
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
