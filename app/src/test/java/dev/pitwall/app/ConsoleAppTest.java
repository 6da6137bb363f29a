package dev.pitwall.app;

import dev.pitwall.app.settings.ProfileStore;
import dev.pitwall.app.settings.SettingsStore;
import dev.pitwall.cli.ParsedArgs;
import dev.pitwall.ops.connect.SecretSource;
import dev.pitwall.testing.Await;
import dev.pitwall.ui.shell.Theme;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
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

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class ConsoleAppTest {

    @TempDir
    Path config;

    private ConsoleApp app;

    private ConsoleApp open(FxRobot robot, Session session) {
        ConsoleOptions options = ConsoleOptions.from(ParsedArgs.parse(List.of(), GlobalOptions.ALL));
        ConsoleApp built = new ConsoleApp(session, options, new SettingsStore(config), new ProfileStore(config),
                new Backends(SecretSource.environment(), java.nio.file.Path.of("target", "test-state")));
        robot.interact(() -> {
            built.build();
            built.show(new Stage());
        });
        app = built;
        return built;
    }

    @AfterEach
    void close(FxRobot robot) {
        if (app != null) {
            robot.interact(() -> {
                app.window().scene().getWindow().hide();
                app.close();
            });
        }
    }

    @Test
    void theWindowCarriesThePitwallIconInSmallAndLargeSizes(FxRobot robot) {
        open(robot, new Session(null));
        Stage stage = (Stage) app.window().scene().getWindow();
        assertThat(stage.getIcons()).extracting(image -> (int) image.getWidth()).contains(16, 32, 256);
    }

    @Test
    void aThemeChosenAtRunTimeIsRememberedForTheNextStart(FxRobot robot) {
        open(robot, new Session(null));
        ComboBox<Theme> chooser = robot.lookup(".combo-box").queryComboBox();
        robot.interact(() -> chooser.setValue(Theme.DARK));
        Await.until("theme saved", Duration.ofSeconds(10),
                () -> "dark".equals(new SettingsStore(config).load().theme()));
        robot.interact(() -> {
            app.window().scene().getWindow().hide();
            app.close();
        });

        open(robot, new Session(null));
        assertThat(robot.lookup(".combo-box").queryComboBox().getValue()).isEqualTo(Theme.DARK);
    }

    @Test
    void withoutAProfileThePanesSayHowToConnect(FxRobot robot) {
        open(robot, new Session(null));
        assertThat(robot.lookup(".placeholder-reason").queryAs(Label.class).getText())
                .contains("--demo").contains("Profiles");
    }

    @Test
    void aProblemWithTheProfileIsShownInTheStatusBar(FxRobot robot) {
        Session session = new Session(null);
        session.note("profile file /x/broken.json is malformed: Unexpected character (line 3)");
        open(robot, session);
        assertThat(robot.lookup(".status-message").queryAs(Label.class).getText())
                .contains("broken.json is malformed");
    }
}
