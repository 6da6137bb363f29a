package dev.pitwall.ui.runs;

import dev.pitwall.testing.Guards;
import dev.pitwall.demo.RedisServerProcess;
import dev.pitwall.demo.platform.FlowRunSnapshot;
import dev.pitwall.demo.platform.HistorySeed;
import dev.pitwall.demo.platform.PlatformOptions;
import dev.pitwall.demo.platform.PlatformSimulator;
import dev.pitwall.demo.platform.TestRoster;
import dev.pitwall.demo.world.SimClock;
import dev.pitwall.demo.world.SimDriver;
import dev.pitwall.files.HashChainedAuditLog;
import dev.pitwall.files.ReplayFileStore;
import dev.pitwall.ops.exec.PooledExecutor;
import dev.pitwall.ops.replay.ReplayPlanner;
import dev.pitwall.ops.runs.RunGroup;
import dev.pitwall.platform.PlatformFlowRuns;
import dev.pitwall.platform.PlatformHttp;
import dev.pitwall.platform.PlatformReplayTarget;
import dev.pitwall.redis.RedisClients;
import dev.pitwall.redis.RedisEndpoint;
import dev.pitwall.testing.Await;
import dev.pitwall.testing.RedisServerExtension;
import dev.pitwall.ui.common.ViewLoader;
import dev.pitwall.ui.operations.OperationsPanel;
import dev.pitwall.ui.operations.OperationsViewModel;
import dev.pitwall.ui.replay.ReplaysView;
import dev.pitwall.ui.replay.ReplaysViewModel;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import redis.clients.jedis.RedisClient;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Failed runs screen loading from the platform simulator over HTTP, grouping, filtering to a group, and handing
 * the group to the Replays screen, which plans it, runs it as an operation and leaves every run retried once.
 */
@ExtendWith({RedisServerExtension.class, ApplicationExtension.class})
class FailedRunsAndReplayViewTest {

    @TempDir
    static Path state;

    private static RedisServerProcess server;
    private RedisClient redis;
    private PlatformSimulator platform;
    private SimDriver driver;
    private FailedRunsViewModel runsModel;
    private ReplaysViewModel replays;
    private final PooledExecutor executor = new PooledExecutor(4);

    @BeforeAll
    static void server(RedisServerProcess redisServer) {
        server = redisServer;
    }

    @Start
    void start(Stage stage) {
        redis = RedisClients.open(RedisEndpoint.parse(server.url()), null);
        redis.flushDB();
        SimClock clock = new SimClock(SimClock.EPOCH);
        platform = new PlatformSimulator(redis, TestRoster.demoFleet(), clock, 5, "k",
                PlatformOptions.defaults().withRates(0, 0));
        platform.seedHistory(new HistorySeed(1_500, Duration.ofHours(5), 0.2, 0.1));
        platform.start();
        driver = new SimDriver(clock);
        driver.add(platform);
        driver.startRealtime(60);

        PlatformFlowRuns runs = new PlatformFlowRuns(new PlatformHttp(URI.create(platform.url().toString()), "k"));
        Clock fixed = Clock.fixed(SimClock.EPOCH, ZoneOffset.UTC);
        runsModel = new FailedRunsViewModel(runs, id -> Optional.empty(), executor, fixed);
        OperationsViewModel operations = new OperationsViewModel(r -> executor.run(r), Clock.systemUTC());
        replays = new ReplaysViewModel(runs, new ReplayPlanner(fixed, ReplayPlanner.DEFAULT_RETENTION),
                new ReplayFileStore(state), Guards.replays(new PlatformReplayTarget(runs)), () -> null,
                new HashChainedAuditLog(state.resolve("audit.jsonl")), "tester", executor, operations::start);
        VBox root = new VBox(
                ViewLoader.load("failed-runs", new FailedRunsView(runsModel,
                        m -> replays.planFrom(m.replayCandidates(), m.describeSelection()), ZoneOffset.UTC)),
                ViewLoader.load("replays", new ReplaysView(replays)),
                new OperationsPanel(operations));
        stage.setScene(new Scene(root, 1400, 1100));
        stage.show();
    }

    @AfterEach
    void stop() {
        driver.close();
        platform.close();
        redis.close();
        executor.close();
    }

    private List<String> failedIds() {
        return platform.runs().stream()
                .filter(r -> r.status().name().equals("FAILED") || r.status().name().equals("INTERNAL_ERROR"))
                .map(FlowRunSnapshot::id).toList();
    }

    @Test
    void loadGroupFilterAndReplayAGroup(FxRobot robot) {
        List<String> failed = failedIds();
        robot.clickOn("Load");
        // the load starts in the background: "not loading" alone is also true just before it begins
        Await.until("every failed run loaded", Duration.ofSeconds(30), () -> !runsModel.loadingProperty().get()
                && runsModel.allRuns().size() == failed.size());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(runsModel.allRuns()).hasSize(failed.size());
        assertThat(robot.lookup(".status-message").queryAs(Label.class).getText())
                .contains(String.format("%,d failed runs in", failed.size()));

        TableView<RunGroup> groups = robot.lookup("#groupTable").queryTableView();
        assertThat(groups.getItems()).isNotEmpty();
        RunGroup biggest = groups.getItems().get(0);
        assertThat(groups.getItems().stream().mapToLong(RunGroup::count).sum()).isEqualTo(failed.size());
        robot.interact(() -> groups.getSelectionModel().select(0));
        assertThat(runsModel.shownRuns()).hasSize((int) biggest.count());

        robot.clickOn("Plan replay…");
        Await.until("the plan", Duration.ofSeconds(30), () -> replays.planProperty().get() != null);
        assertThat(replays.planProperty().get().items()).hasSize((int) biggest.count());

        robot.clickOn("Start replay");
        List<String> planned = runsModel.replayCandidates().stream().map(r -> r.id()).toList();
        Await.until("every run of the group retried and finished", Duration.ofSeconds(90), () ->
                planned.stream().allMatch(id -> platform.retryCount(id) == 1
                        && platform.run(id).map(r -> r.status().name().equals("SUCCEEDED")).orElse(false)));
        Await.until("the replay listed as completed", Duration.ofSeconds(30), () ->
                replays.journals().stream().anyMatch(j -> j.state().equals("completed")));
        assertThat(new HashChainedAuditLog(state.resolve("audit.jsonl")).entries())
                .anyMatch(e -> e.action().equals("replay.started") && e.actor().equals("tester"))
                .anyMatch(e -> e.action().equals("replay.completed"));
    }
}
