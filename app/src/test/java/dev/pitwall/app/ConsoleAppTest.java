package dev.pitwall.app;

import dev.pitwall.app.settings.SettingsStore;
import dev.pitwall.testing.Await;
import dev.pitwall.ui.shell.Theme;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class ConsoleAppTest {

    @RegisterExtension
    final ConsoleWorld world = ConsoleWorld.withoutDemo();

    private ConsoleApp app;

    @Test
    void theWindowCarriesThePitwallIconInSmallAndLargeSizes(FxRobot robot) {
        app = world.open(new Session(null));
        Stage stage = (Stage) app.window().scene().getWindow();
        assertThat(stage.getIcons()).extracting(image -> (int) image.getWidth()).contains(16, 32, 256);
    }

    @Test
    void aThemeChosenAtRunTimeIsRememberedForTheNextStart(FxRobot robot) {
        app = world.open(new Session(null));
        ComboBox<Theme> chooser = robot.lookup(".combo-box").queryComboBox();
        robot.interact(() -> chooser.setValue(Theme.DARK));
        Await.until("theme saved", Duration.ofSeconds(10),
                () -> "dark".equals(new SettingsStore(world.configDir()).load().theme()));
        world.close(app);

        app = world.open(new Session(null));
        assertThat(robot.lookup(".combo-box").queryComboBox().getValue()).isEqualTo(Theme.DARK);
    }

    @Test
    void withoutAProfileThePanesSayHowToConnect(FxRobot robot) {
        app = world.open(new Session(null));
        assertThat(robot.lookup(".placeholder-reason").queryAs(Label.class).getText())
                .contains("--demo").contains("Profiles");
    }

    @Test
    void aProblemWithTheProfileIsShownInTheStatusBar(FxRobot robot) {
        Session session = new Session(null);
        session.note("profile file /x/broken.json is malformed: Unexpected character (line 3)");
        app = world.open(session);
        assertThat(robot.lookup(".status-message").queryAs(Label.class).getText())
                .contains("broken.json is malformed");
    }
}
