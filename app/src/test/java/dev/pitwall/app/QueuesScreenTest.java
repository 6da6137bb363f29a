package dev.pitwall.app;

import dev.pitwall.app.settings.ProfileStore;
import dev.pitwall.app.settings.SettingsStore;
import dev.pitwall.cli.ParsedArgs;
import dev.pitwall.demo.RedisServerProcess;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.connect.SecretSource;
import dev.pitwall.testing.Await;
import dev.pitwall.testing.BullFixture;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Queues screen as the console wires it: only with Redis, and stale marking that reaches the status bar. */
@ExtendWith(ApplicationExtension.class)
class QueuesScreenTest {

    @TempDir
    Path config;
    private ConsoleApp app;
    private Session session;
    private RedisServerProcess redis;

    private void open(FxRobot robot, ConnectionProfile profile) {
        ConsoleOptions options = ConsoleOptions.from(ParsedArgs.parse(List.of("--view", "queues"),
                GlobalOptions.ALL));
        session = new Session(profile);
        ConsoleApp built = new ConsoleApp(session, options, new SettingsStore(config), new ProfileStore(config),
                new Backends(SecretSource.environment(), java.nio.file.Path.of("target", "test-state")));
        robot.interact(() -> {
            built.build();
            built.show(new Stage());
        });
        app = built;
    }

    @AfterEach
    void close(FxRobot robot) {
        if (app != null) {
            robot.interact(() -> {
                app.window().scene().getWindow().hide();
                app.close();
            });
            session.close();
        }
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
        open(robot, new ConnectionProfile("t", null, null, null, null, List.of(), null, null,
                "http://127.0.0.1:1", null, false, false, null));
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
        open(robot, withRedis(redis.url()));
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
