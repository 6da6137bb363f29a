package dev.pitwall.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.app.settings.ConfigDirs;
import dev.pitwall.demo.DemoEnvironment;
import dev.pitwall.demo.platform.FlowRunSnapshot;
import dev.pitwall.demo.scenario.Scenario;
import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.demo.world.SimClock;
import dev.pitwall.ops.runs.ErrorSignature;
import dev.pitwall.testing.CliRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `runs failed` against the demo incident scenario: every filter, the grouping and the output formats, each checked
 * against the simulator's own record of the runs.
 */
class RunsFailedOnIncidentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FAILED = Set.of("FAILED", "INTERNAL_ERROR", "QUOTA_EXCEEDED", "TIMEOUT",
            "MEMORY_LIMIT_EXCEEDED");
    private static final String SINCE = SimClock.EPOCH.toString();

    @TempDir
    static Path home;

    @RegisterExtension
    static final ConsoleWorld world = ConsoleWorld.demo(Scenario.INCIDENT, 8).advancedBy(Duration.ofMinutes(60));
    private static DemoEnvironment demo;

    @BeforeAll
    static void incident() {
        demo = world.demo();
    }

    private CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of("--platform-url", demo.platformUrl(), "--platform-key-env", "K",
                "runs", "failed"));
        all.addAll(List.of(args));
        ConfigDirs dirs = new ConfigDirs(home.resolve("c"), home.resolve("s"));
        return CliRun.capture((out, err) -> new Launcher(dirs, ref -> Optional.of(demo.platformKey()), out, err)
                .run(all.toArray(String[]::new)));
    }

    private static List<FlowRunSnapshot> expected(Predicate<FlowRunSnapshot> filter) {
        return demo.platform().runs().stream()
                .filter(r -> FAILED.contains(r.status().name()) && !r.created().isBefore(SimClock.EPOCH))
                .filter(filter).toList();
    }

    private static List<JsonNode> jsonLines(CliRun r) throws Exception {
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<JsonNode> out = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    @Test
    void everyFailedRunOfTheWindowComesOutAsOneJsonLineWithTheContractsFields() throws Exception {
        List<JsonNode> lines = jsonLines(cli("--since", SINCE, "--json"));
        assertThat(lines).hasSize(expected(r -> true).size()).hasSizeGreaterThan(20);
        JsonNode first = lines.get(0);
        assertThat(first.has("id") && first.has("projectId") && first.has("flowId") && first.has("status")
                && first.has("created")).isTrue();
        assertThat(first.get("failedStep").has("name") && first.get("failedStep").has("displayName")
                && first.get("failedStep").has("message")).isTrue();
        assertThat(lines).allMatch(l -> FAILED.contains(l.get("status").asText()));
    }

    @Test
    void eachFilterNarrowsToExactlyTheMatchingRuns() throws Exception {
        String project = DemoFleet.projectOf(DemoFleet.FLIPPED_CUSTOMER);
        assertThat(jsonLines(cli("--since", SINCE, "--project", project, "--json")))
                .hasSize(expected(r -> r.projectId().equals(project)).size()).isNotEmpty();

        FlowRunSnapshot sample = expected(r -> true).get(0);
        assertThat(jsonLines(cli("--since", SINCE, "--flow", sample.flowId(), "--json")))
                .hasSize(expected(r -> r.flowId().equals(sample.flowId())).size());

        String step = sample.failedStep().name();
        assertThat(jsonLines(cli("--since", SINCE, "--step", step, "--json")))
                .hasSize(expected(r -> r.failedStep() != null && step.equals(r.failedStep().name())).size());

        assertThat(jsonLines(cli("--since", SINCE, "--message", "Cannot find module", "--json")))
                .hasSize(expected(r -> r.failedStep() != null && String.valueOf(r.failedStep().message())
                        .contains("Cannot find module")).size()).isNotEmpty();

        Instant until = SimClock.EPOCH.plus(Duration.ofMinutes(30));
        assertThat(jsonLines(cli("--since", SINCE, "--until", until.toString(), "--json")))
                .hasSize(expected(r -> r.created().isBefore(until)).size());

        assertThat(jsonLines(cli("--since", SINCE, "--status", "INTERNAL_ERROR", "--json")))
                .hasSize(expected(r -> r.status().name().equals("INTERNAL_ERROR")).size()).isNotEmpty();
    }

    @Test
    void groupingFoldsTheIncidentIntoItsCauses() throws Exception {
        List<JsonNode> groups = jsonLines(cli("--since", SINCE, "--group-by", "signature", "--json"));
        Map<String, Long> expectedCounts = new HashMap<>();
        for (FlowRunSnapshot r : expected(x -> true)) {
            String key = r.flowId() + "|" + r.failedStep().name() + "|" + ErrorSignature.of(r.failedStep().message());
            expectedCounts.merge(key, 1L, Long::sum);
        }
        assertThat(groups).hasSize(expectedCounts.size());
        for (JsonNode g : groups) {
            String key = g.get("flowId").asText() + "|" + g.get("failedStep").asText() + "|"
                    + g.get("signature").asText();
            assertThat(g.get("count").asLong()).as(key).isEqualTo(expectedCounts.get(key));
        }
        assertThat(groups).anyMatch(g -> g.get("signature").asText().startsWith("ENOSPC"))
                .anyMatch(g -> g.get("signature").asText().startsWith("Error: Cannot find module <value>"));
        assertThat(groups.get(0).get("count").asLong()).isGreaterThanOrEqualTo(groups.get(groups.size() - 1)
                .get("count").asLong());
    }

    @Test
    void csvHasAHeaderAndOneLinePerRun() {
        CliRun r = cli("--since", SINCE, "--csv");
        assertThat(r.out()).startsWith(
                "id,projectId,flowId,status,created,failedStepName,failedStepDisplayName,failedStepMessage\n");
        assertThat(csvRecords(r.out())).isEqualTo(expected(x -> true).size() + 1);
    }

    /** Records in CSV text: line ends outside quotes (messages may hold quoted line breaks). */
    private static int csvRecords(String csv) {
        int records = 0;
        boolean quoted = false;
        for (char c : csv.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted) {
                records++;
            }
        }
        return records;
    }

    @Test
    void badFiltersAreUsageErrors() {
        CliRun r = cli("--last", "6x");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("a duration is a number and a unit");
        assertThat(cli("--since", "yesterday").err()).contains("--since needs an ISO-8601 time");
    }
}
