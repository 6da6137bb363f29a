package dev.pitwall.app;

import dev.pitwall.demo.RedisServerProcess;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.testing.Await;
import dev.pitwall.testing.BullFixture;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Queues screen as the console wires it: only with Redis, and stale marking that reaches the status bar. */
@ExtendWith(ApplicationExtension.class)
class QueuesScreenTest {

    @RegisterExtension
    final ConsoleWorld world = ConsoleWorld.withoutDemo();
    private RedisServerProcess redis;

    @AfterEach
    void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    private static ConnectionProfile withRedis(String url) {
        return new ConnectionProfile("t", null, null, null, null, List.of(), url, null, null, null, false, false,
                null);
    }

    @Test
    void withoutRedisInTheProfileTheScreenSaysSo(FxRobot robot) {
        world.open(new ConnectionProfile("t", null, null, null, null, List.of(), null, null,
                "http://127.0.0.1:1", null, false, false, null), "--view", "queues");
        assertThat(robot.lookup(".placeholder-reason").queryAs(Label.class).getText())
                .startsWith("Redis is not configured in this profile");
    }

    @Test
    void whenRedisGoesAwayTheScreenAndTheStatusBarSayStale(FxRobot robot) {
        redis = RedisServerProcess.start();
        try (BullFixture bull = new BullFixture(redis)) {
            bull.meta("workerJobs", "bullmq:6.7.0", false);
            bull.failed("workerJobs", "f1", System.currentTimeMillis(), Map.of());
        }
        world.open(withRedis(redis.url()), "--view", "queues");
        TableView<?> table = robot.lookup("#queueTable").queryAs(TableView.class);
        Await.until("the queue listed", Duration.ofSeconds(15), () -> table.getItems().size() == 1);
        Label redisStatus = robot.lookup("#status-redis").queryAs(Label.class);
        Await.until("Redis connected", Duration.ofSeconds(15), () -> redisStatus.getText().endsWith("connected"));

        redis.close();
        redis = null;
        Label stale = robot.lookup(".queues-stale").queryAs(Label.class);
        Await.until("the screen marked stale", Duration.ofSeconds(15), () -> stale.isVisible()
                && stale.getText().startsWith("stale since "));
        Await.until("the status bar marked stale", Duration.ofSeconds(15),
                () -> redisStatus.getText().contains("Redis: stale since"));
        assertThat(table.getItems()).as("the last figures stay on screen").hasSize(1);
    }
}
