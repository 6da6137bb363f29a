package dev.pitwall.app;

import dev.pitwall.demo.scenario.Scenario;
import dev.pitwall.testing.Await;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's Rollouts screen on the demo offers both wizards: rolling back and running a canary. */
@ExtendWith(ApplicationExtension.class)
class ConsoleRolloutsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    final ConsoleWorld world = ConsoleWorld.demo(Scenario.STEADY, 5);

    @Test
    void theRolloutsScreenHasTheRollbackAndTheCanaryWizard(FxRobot robot) {
        world.open("--view", "rollouts");

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
