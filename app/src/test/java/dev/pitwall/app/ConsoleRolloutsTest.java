package dev.pitwall.app;

import dev.pitwall.app.settings.ProfileStore;
import dev.pitwall.app.settings.SettingsStore;
import dev.pitwall.cli.ParsedArgs;
import dev.pitwall.demo.DemoEnvironment;
import dev.pitwall.demo.scenario.Scenario;
import dev.pitwall.demo.world.SimClock;
import dev.pitwall.testing.Await;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's Rollouts screen on the demo offers both wizards: rolling back and running a canary. */
@ExtendWith(ApplicationExtension.class)
class ConsoleRolloutsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path config;

    private DemoEnvironment demo;
    private ConsoleApp app;

    @AfterEach
    void close(FxRobot robot) {
        if (app != null) {
            robot.interact(() -> {
                app.window().scene().getWindow().hide();
                app.close();
            });
        }
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void theRolloutsScreenHasTheRollbackAndTheCanaryWizard(FxRobot robot) {
        demo = DemoEnvironment.start(new DemoEnvironment.Options(Scenario.STEADY, 5, 0, SimClock.EPOCH));
        ConsoleOptions options = ConsoleOptions.from(ParsedArgs.parse(List.of("--view", "rollouts"),
                GlobalOptions.ALL));
        app = new ConsoleApp(new Session(demo.profile()), options, new SettingsStore(config),
                new ProfileStore(config), new Backends(ref -> Optional.of(demo.platformKey()), config.resolve("state")));
        robot.interact(() -> {
            app.build();
            app.show(new Stage());
        });

        List<String> titles = new ArrayList<>();
        Await.until("the Rollouts tabs", WAIT, () -> {
            titles.clear();
            robot.interact(() -> robot.lookup(".rollouts").tryQuery()
                    .ifPresent(t -> ((TabPane) t).getTabs().stream().map(Tab::getText).forEach(titles::add)));
            return !titles.isEmpty();
        });
        assertThat(titles).containsExactly("Rollback", "Canary");
        robot.interact(() -> ((TabPane) robot.lookup(".rollouts").query()).getSelectionModel().select(1));
        Await.until("the canary wizard shown", WAIT, () -> robot.lookup(".canary-header").tryQuery().isPresent());
    }
}
