package dev.pitwall.ui.queues;

import dev.pitwall.demo.RedisServerProcess;
import dev.pitwall.ops.exec.PooledExecutor;
import dev.pitwall.ops.queues.FailedJobBrowser;
import dev.pitwall.ops.queues.QueueHealthListener;
import dev.pitwall.ops.queues.QueueMonitor;
import dev.pitwall.redis.RedisClients;
import dev.pitwall.redis.RedisEndpoint;
import dev.pitwall.redis.RedisQueueBackend;
import dev.pitwall.testing.BullFixture;
import dev.pitwall.testing.RedisServerExtension;
import dev.pitwall.ui.common.ViewLoader;
import dev.pitwall.ui.shell.Theme;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The Queues screen on a real Redis: counts, the paused marker, and paging through failed jobs. */
@ExtendWith({RedisServerExtension.class, ApplicationExtension.class})
class QueuesViewTest {

    private final RedisServerProcess server;
    private final PooledExecutor executor = new PooledExecutor(2);
    private RedisQueueBackend backend;
    private QueuesViewModel model;

    QueuesViewTest(RedisServerProcess server) {
        this.server = server;
    }

    @Start
    void start(Stage stage) {
        long now = System.currentTimeMillis();
        try (BullFixture bull = new BullFixture(server)) {
            bull.flush();
            bull.meta("workerJobs", "bullmq:6.7.0", true);
            bull.waiting("workerJobs", "w1", now - 65_000);
            bull.waiting("workerJobs", "w2", now);
            for (int i = 0; i < 150; i++) {
                bull.failed("workerJobs", "run-" + i, now - 1_000_000 + i * 1000L, i == 149
                        ? Map.of("data", "{\"jobType\":\"EXECUTE_FLOW\",")
                        : Map.of("data", "{\"jobType\":\"EXECUTE_FLOW\",\"runId\":\"run-" + i + "\"}"));
            }
            bull.meta("syncJobs", "bullmq:5.81.5", false);
            bull.active("syncJobs", "s1", now);
        }
        backend = new RedisQueueBackend(RedisClients.open(RedisEndpoint.parse(server.url()), null), server.url());
        FailedJobsViewModel failed = new FailedJobsViewModel(new FailedJobBrowser(backend), executor,
                FxHandoff.frames(), ZoneOffset.UTC, FailedJobBrowser.DEFAULT_PAGE_SIZE);
        model = new QueuesViewModel(new QueueMonitor(backend, List.of(), Clock.systemUTC()), failed, executor,
                FxHandoff.frames(), QueueHealthListener.none(), ZoneOffset.UTC);
        Parent view = ViewLoader.load("queues", new QueuesView(model, ZoneOffset.UTC));
        Scene scene = new Scene(view, 1400, 900);
        scene.getStylesheets().setAll(Theme.LIGHT.stylesheets());
        stage.setScene(scene);
        stage.show();
        model.start();
    }

    @AfterEach
    void stop() {
        model.stop();
        executor.close();
        backend.close();
    }

    private static void waitFor(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    /** Clicks the cell whose text matches, once the table has drawn it (items arrive before their cells). */
    private static void clickCell(FxRobot robot, String query, java.util.function.Predicate<String> text)
            throws Exception {
        // a refresh can recycle cells: only a cell still in the scene and shown can be clicked
        java.util.function.Predicate<Node> match = n -> n instanceof TableCell<?, ?> c && c.getText() != null
                && text.test(c.getText()) && c.getScene() != null && c.isVisible();
        waitFor("a cell drawn for " + query, () -> robot.lookup(query).match(match).tryQuery().isPresent());
        robot.clickOn(robot.lookup(query).match(match).queryAs(Node.class));
    }

    /** The texts of the visible cells of the table row that shows {@code queue}. */
    private static List<String> rowTexts(FxRobot robot, String queue) {
        return robot.lookup("#queueTable .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() instanceof QueueItem item && item.name().equals(queue))
                .findFirst()
                .map(r -> r.getChildrenUnmodifiable().stream()
                        .filter(n -> n instanceof TableCell<?, ?>)
                        .map(n -> ((TableCell<?, ?>) n).getText())
                        .collect(Collectors.toList()))
                .orElse(List.of());
    }

    @Test
    void theTableShowsEachQueuesCountsAndThePausedMarker(FxRobot robot) throws Exception {
        waitFor("two queues", () -> rowTexts(robot, "workerJobs").size() > 5 && rowTexts(robot, "syncJobs").size() > 5);
        List<String> worker = rowTexts(robot, "workerJobs");
        assertThat(worker.get(0)).isEqualTo("workerJobs");
        assertThat(worker.get(1)).isEqualTo("\u2016 paused");
        assertThat(worker.get(2)).as("wait").isEqualTo("2");
        assertThat(worker.get(7)).as("failed").isEqualTo("150");
        assertThat(worker.get(10)).as("oldest waiting").startsWith("1 min");
        assertThat(worker.get(14)).as("layout").isEqualTo("bullmq 6.7.0");
        List<String> sync = rowTexts(robot, "syncJobs");
        assertThat(sync.get(1)).isEqualTo("\u25B6 running");
        assertThat(sync.get(4)).as("active").isEqualTo("1");
        Node pausedCell = robot.lookup(".table-cell").match(n -> n instanceof TableCell<?, ?> c
                && "\u2016 paused".equals(c.getText())).query();
        assertThat(pausedCell.getPseudoClassStates().toString()).contains("paused");
        assertThat(robot.lookup(".queues-summary").queryAs(Label.class).getText()).startsWith("2 queues");
    }

    @Test
    void selectingAQueuePagesThroughItsFailedJobs(FxRobot robot) throws Exception {
        waitFor("the queue row", () -> !rowTexts(robot, "workerJobs").isEmpty());
        clickCell(robot, "#queueTable .table-cell", "workerJobs"::equals);
        Label page = robot.lookup("#pageLabel").queryAs(Label.class);
        waitFor("page 1", () -> page.getText().startsWith("page 1 of 2"));
        assertThat(page.getText()).isEqualTo("page 1 of 2 \u00b7 jobs 1\u2013100 of 150, newest first");
        assertThat(robot.lookup("#failedTitle").queryAs(Label.class).getText()).isEqualTo("Failed jobs of workerJobs");
        @SuppressWarnings("unchecked")
        TableView<dev.pitwall.model.FailedJob> failed = robot.lookup("#failedTable").queryAs(TableView.class);
        assertThat(failed.getItems().get(0).id()).isEqualTo("run-149");
        assertThat(robot.lookup("#failedMessage").queryAs(Label.class).getText()).isEqualTo("1 malformed on this page");

        clickCell(robot, ".table-cell", t -> t.startsWith("malformed: data is not valid JSON"));
        TextArea detail = robot.lookup("#jobDetail").queryAs(TextArea.class);
        waitFor("the detail", () -> detail.getText().startsWith("Job run-149"));
        assertThat(detail.getText()).contains("malformed: data is not valid JSON").contains("Failed reason\nboom run-149");

        robot.clickOn("#nextButton");
        waitFor("page 2", () -> page.getText().startsWith("page 2 of 2"));
        assertThat(page.getText()).isEqualTo("page 2 of 2 \u00b7 jobs 101\u2013150 of 150, newest first");
        assertThat(failed.getItems()).hasSize(50);
        assertThat(failed.getItems().get(0).id()).isEqualTo("run-49");
        assertThat(robot.lookup("#nextButton").queryButton().isDisabled()).isTrue();

        clickCell(robot, ".table-cell", "run-49"::equals);
        waitFor("the detail of run-49", () -> detail.getText().startsWith("Job run-49"));
        assertThat(detail.getText()).contains("{\n  \"jobType\": \"EXECUTE_FLOW\",\n  \"runId\": \"run-49\"\n}")
                .contains("Stack trace\nError: boom run-49");

        robot.clickOn("#previousButton");
        waitFor("page 1 again", () -> page.getText().startsWith("page 1 of 2"));
    }
}
