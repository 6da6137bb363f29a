package dev.pitwall.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.cli.IncidentCommand;
import dev.pitwall.cli.ParsedArgs;
import dev.pitwall.demo.DemoEnvironment;
import dev.pitwall.demo.scenario.IncidentScript;
import dev.pitwall.demo.scenario.Scenario;
import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.demo.world.ImageBehaviour;
import dev.pitwall.demo.world.SimClock;
import dev.pitwall.files.IncidentReportFiles;
import dev.pitwall.model.Alert;
import dev.pitwall.model.FlowRun;
import dev.pitwall.ops.alert.AlertCenter;
import dev.pitwall.ops.alert.AlertRecorder;
import dev.pitwall.ops.exec.DirectExecutor;
import dev.pitwall.ops.report.ReportSources;
import dev.pitwall.ops.rollback.WorkloadRef;
import dev.pitwall.ops.runs.RunPage;
import dev.pitwall.ops.runs.RunQuery;
import dev.pitwall.ops.timeline.TimelineEntry;
import dev.pitwall.ops.timeline.TimelineKind;
import dev.pitwall.platform.PlatformFlowRuns;
import dev.pitwall.testing.MutableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incident timeline and report on the demo incident, past the migration (+12 min): the timeline is in time order
 * with the shared rollout before the customer's execution-mode change, and the report's failed-run counts are the
 * platform's own.
 */
class IncidentReportOnDemoTest {

    private static final Duration PAST_MIGRATION = Duration.ofMinutes(20);

    @RegisterExtension
    static final ConsoleWorld world = ConsoleWorld.demo(Scenario.INCIDENT, 17).advancedBy(PAST_MIGRATION);
    private static DemoEnvironment demo;
    private static Backends backends;
    private static List<WorkloadRef> workloads;
    private static Path state;

    @BeforeAll
    static void runTheIncident() {
        demo = world.demo();
        state = world.stateDir();
        backends = world.backends();
        workloads = List.of(
                new WorkloadRef(WorkloadRef.Kind.STATEFULSET, DemoFleet.SHARED_NAMESPACE, DemoFleet.SHARED_WORKLOAD),
                new WorkloadRef(WorkloadRef.Kind.DEPLOYMENT, DemoFleet.namespaceOf(DemoFleet.FLIPPED_CUSTOMER),
                        DemoFleet.workloadOf(DemoFleet.FLIPPED_CUSTOMER)));
    }

    private ReportSources sources() {
        return IncidentSources.open(demo.profile(), backends, () -> workloads, List.of());
    }

    @Test
    void theTimelineIsInTimeOrderWithTheRolloutBeforeTheModeChange() throws Exception {
        List<TimelineEntry> entries;
        try (ReportSources s = sources()) {
            var result = s.timeline().read(SimClock.EPOCH, SimClock.EPOCH.plus(PAST_MIGRATION));
            assertThat(result.problems()).isEmpty();
            entries = result.entries();
        }
        assertThat(entries).isSortedAccordingTo(TimelineEntry.ORDER);
        TimelineEntry rollout = entries.stream().filter(e -> e.kind() == TimelineKind.REVISION
                && e.subject().equals(DemoFleet.SHARED_NAMESPACE + "/" + DemoFleet.SHARED_WORKLOAD)
                && e.text().contains(ImageBehaviour.INCIDENT_TAG)).findFirst().orElseThrow();
        TimelineEntry modeChange = entries.stream().filter(e -> e.kind() == TimelineKind.TRUST
                && e.text().contains("SANDBOX_CODE_ONLY")).findFirst().orElseThrow();
        assertThat(rollout.at()).isAfterOrEqualTo(SimClock.EPOCH.plus(IncidentScript.ROLLOUT_AT))
                .isBefore(SimClock.EPOCH.plus(IncidentScript.MIGRATION_AT));
        assertThat(modeChange.at()).isAfterOrEqualTo(SimClock.EPOCH.plus(IncidentScript.MIGRATION_AT));
        assertThat(modeChange.subject()).contains(DemoFleet.FLIPPED_CUSTOMER);
        // the shared pods' Events follow the rollout: the new image is pulled after the revision changed
        TimelineEntry pulled = entries.stream().filter(e -> e.kind() == TimelineKind.KUBE_EVENT
                && e.subject().startsWith(DemoFleet.SHARED_NAMESPACE + "/")
                && e.text().contains(ImageBehaviour.INCIDENT_TAG)).findFirst().orElseThrow();
        assertThat(entries.indexOf(pulled)).isGreaterThan(entries.indexOf(rollout));
    }

    @Test
    void alertsAConsoleRaisedAreInTheHeadlessTimeline() throws Exception {
        MutableClock consoleClock = new MutableClock(SimClock.EPOCH.plus(IncidentScript.ROLLOUT_AT).plusSeconds(90));
        AlertCenter console = new AlertCenter(consoleClock, AlertCenter.DEFAULT_HISTORY);
        console.addRecorder(new AlertRecorder(backends.alertHistory(demo.profile()), new DirectExecutor()));
        console.raise(new Alert(Alert.Severity.CRITICAL, "crash-loop", DemoFleet.SHARED_NAMESPACE + "/worker-3",
                "crash-looping (CrashLoopBackOff)", null));

        // the console is gone: the command line reads what it kept in the state directory
        List<TimelineEntry> entries;
        try (ReportSources s = IncidentSources.headless(demo.profile(), backends, consoleClock)) {
            entries = s.timeline().read(SimClock.EPOCH, SimClock.EPOCH.plus(PAST_MIGRATION)).entries();
            assertThat(s.notes()).noneMatch(n -> n.contains("alerts"));
        }
        assertThat(entries).filteredOn(e -> e.kind() == TimelineKind.ALERT).singleElement().satisfies(e -> {
            assertThat(e.level()).isEqualTo(TimelineEntry.Level.CRITICAL);
            assertThat(e.subject()).isEqualTo(DemoFleet.SHARED_NAMESPACE + "/worker-3");
            assertThat(e.text()).isEqualTo("critical crash-loop raised: crash-looping (CrashLoopBackOff)");
        });
    }

    @Test
    void theReportCountsTheFailedRunsThePlatformReports() throws Exception {
        Instant from = SimClock.EPOCH;
        Instant to = SimClock.EPOCH.plus(PAST_MIGRATION);
        Map<String, Long> platform = failedByFlow(from, to);
        long total = platform.values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).as("the scenario fails runs").isPositive();

        MutableClock clock = new MutableClock(to);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        IncidentCommand command = new IncidentCommand(this::sources, new IncidentReportFiles(),
                state.resolve("incidents"), clock, ZoneOffset.UTC);
        Path dir = state.resolve("out");
        int code = command.run(ParsedArgs.parse(List.of("report", "--from", from.toString(), "--to", to.toString(),
                "--out", dir.toString(), "--json"), command.options()), new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();

        JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(report.path("impact").path("failed").asLong()).isEqualTo(total);
        assertThat(report.path("impact").path("stillFailing").asLong()).isEqualTo(total);
        assertThat(report.path("impact").path("replayed").asLong()).isZero();
        Map<String, Long> byFlow = new HashMap<>();
        report.path("impact").path("byGroup").forEach(g -> byFlow.merge(g.path("group").asText().split(" / ")[0],
                g.path("failed").asLong(), Long::sum));
        assertThat(byFlow).isEqualTo(platform);
        assertThat(report.path("auditLog").path("intact").asBoolean()).isTrue();
        assertThat(report.path("actionItems").isArray()).isTrue();

        String markdown = Files.readString(dir.resolve("incident-" + stamp(from) + ".md"));
        assertThat(markdown).contains("## Timeline", "## Impact", "- Failed runs: " + total,
                "## Actions taken in Pitwall", "## Action items");
    }

    private static String stamp(Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC).format(at);
    }

    /** Failed runs per flow, straight from the platform's API. */
    private static Map<String, Long> failedByFlow(Instant from, Instant to) {
        PlatformFlowRuns runs = backends.platformRuns(demo.profile());
        Map<String, Long> counts = new HashMap<>();
        List<FlowRun> all = new ArrayList<>();
        String cursor = null;
        do {
            RunPage page = runs.page(RunQuery.failedBetween(from, to), cursor, 500);
            all.addAll(page.runs());
            cursor = page.isLast() ? null : page.next();
        } while (cursor != null);
        all.forEach(r -> counts.merge(r.flowId(), 1L, Long::sum));
        return counts;
    }
}
