package dev.pitwall.app;

import dev.pitwall.demo.DemoEnvironment;
import dev.pitwall.demo.scenario.Scenario;
import dev.pitwall.demo.world.SimClock;
import dev.pitwall.model.BackendKind;
import dev.pitwall.ops.alert.AlertCenter;
import dev.pitwall.ops.connect.BackendHealthMonitor;
import dev.pitwall.ops.exec.PooledExecutor;
import dev.pitwall.ops.fleet.FleetEngine;
import dev.pitwall.testing.Await;
import dev.pitwall.testing.DrawnText;
import dev.pitwall.testing.OnFx;
import dev.pitwall.ui.common.Snapshots;
import dev.pitwall.ui.operations.OperationsViewModel;
import dev.pitwall.ui.shell.Theme;
import dev.pitwall.ui.warroom.TileStatus;
import dev.pitwall.ui.warroom.WarRoomBoard;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The war-room board at 1920x1080 on the demo incident (20 simulated minutes in: shared workers rolled to the new
 * architecture, the customer's mode flipped), rendered headless and checked as a screen five metres away: no text
 * below the war-room minimum size token, every status with a word, 7:1 contrast from the palette tokens; and a
 * back-end that drops marks only its own tiles stale.
 */
@ExtendWith(ApplicationExtension.class)
class WarRoomBoardTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Path STYLES = Path.of("styles");

    @RegisterExtension
    static final ConsoleWorld world = ConsoleWorld.demo(Scenario.INCIDENT, 5).advancedBy(Duration.ofMinutes(20));

    private final CountDownLatch replayHeld = new CountDownLatch(1);
    private PooledExecutor executor;
    private FleetEngine engine;
    private Session session;
    private BackendHealthMonitor monitor;
    private WarRoomBoard board;
    private Scene scene;

    /** Each test's board stops with it: its engine, its refreshes and the replay it shows. */
    @AfterEach
    void stop() {
        replayHeld.countDown();
        engine.close();
        executor.close();
        session.close();
    }

    @Start
    void start(Stage stage) {
        // the console's clock reads the simulated time, so that "changed 8 min ago" is about the scenario's minutes
        Clock clock = Clock.fixed(SimClock.EPOCH.plus(Duration.ofMinutes(20)), ZoneOffset.UTC);
        DemoEnvironment demo = world.demo();
        Backends backends = world.backends();
        executor = new PooledExecutor(4);
        monitor = new BackendHealthMonitor(demo.profile(), backends.probes(), clock);
        AlertCenter alerts = new AlertCenter(clock, 1000);
        engine = new FleetEngine(backends.fleetSources(demo.profile()), executor, clock, alerts, monitor,
                FleetEngine.Settings.defaults());
        engine.start();
        session = new Session(demo.profile());
        OperationsViewModel operations = new OperationsViewModel(executor::run, clock);
        operations.start(new Task<Void>() {
            @Override
            protected Void call() throws Exception {
                updateTitle("Replay of 1,200 failed runs");
                updateProgress(480, 1200);
                replayHeld.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                return null;
            }
        });
        board = new WarRoomScreen(demo.profile(), backends, executor, session,
                TestGuards.demo(demo.profile(), backends, clock), clock, trends -> { },
                TrustScreen.alerts(alerts, new dev.pitwall.ui.shell.ShellViewModel("demo", false), clock))
                .build(CompletableFuture.completedFuture(engine), () -> monitor, operations, ZoneOffset.UTC,
                        Duration.ofMinutes(10), List.of());
        scene = new Scene(board, 1920, 1080);
        scene.getStylesheets().setAll(Theme.WAR_ROOM.stylesheets());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theBoardIsReadableFromFiveMetres() throws Exception {
        Await.until("every tile has data", WAIT, () -> OnFx.read(() -> texts(board).stream()
                .noneMatch(t -> t.contains("waiting for data") || t.contains("waiting for the cluster")
                        || t.contains("no volume readings yet"))));
        Await.until("the replay shows as running", WAIT, () -> OnFx.read(() -> texts(board).stream()
                .anyMatch(t -> t.contains("Replay of 1,200 failed runs") && t.contains("40%"))));
        OnFx.read(() -> {
            settle();
            try {
                Snapshots.writePng(scene, Path.of("target", "war-room-board.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });

        assertReadable(7);

        // the second page (rotation): the latest timeline, held to the same rules
        Await.until("the timeline page has entries", WAIT, () -> OnFx.read(() -> texts(board).stream()
                .anyMatch(t -> t.startsWith("revision change \u00b7 ap-shared/activepieces-worker"))));
        OnFx.read(() -> {
            board.showPage(1);
            settle();
            Snapshots.writePng(scene, Path.of("target", "war-room-timeline.png"));
            return null;
        });
        assertReadable(1);
        OnFx.read(() -> {
            board.showPage(0);
            return null;
        });
    }

    /** @param statuses how many status labels the page shows (the header's, plus one per tile) */
    private void assertReadable(long statuses) throws Exception {
        double token = tokenPx("-wr-font-min");
        assertThat(OnFx.read(board::minFontSize)).as("the board takes its base size from the token").isEqualTo(token);
        // each look settles the scene first, in the same turn of the FX thread: a tile updated since the last look
        // has nodes that no stylesheet has reached yet
        List<String> small = OnFx.read(() -> {
            settle();
            List<String> out = new ArrayList<>();
            for (Node n : DrawnText.all(board)) {
                if (n instanceof Text t && DrawnText.visible(t) && !t.getText().isBlank()
                        && t.getFont().getSize() < token - 0.01) {
                    out.add("'" + t.getText() + "' at " + t.getFont().getSize() + " px");
                }
            }
            return out;
        });
        assertThat(small).as("text smaller than the war-room minimum of " + token + " px").isEmpty();
        List<String> clipped = OnFx.read(() -> {
            settle();
            return DrawnText.clipped(board);
        });
        assertThat(clipped).as("text cut off by an ellipsis").isEmpty();

        List<String> words = Arrays.stream(TileStatus.values()).map(TileStatus::word).toList();
        List<String> statusProblems = OnFx.read(() -> {
            settle();
            List<String> out = new ArrayList<>();
            for (Node n : DrawnText.all(board)) {
                if (!DrawnText.visible(n)) {
                    continue;
                }
                if (n.getStyleClass().contains("wr-status")) {
                    String text = ((Labeled) n).getText();
                    if (words.stream().noneMatch(text::contains)) {
                        out.add("status without a word: '" + text + "'");
                    }
                }
                if (n.getStyleClass().contains("wr-glyph")) {
                    Labeled glyph = (Labeled) n;
                    String line = ((Parent) n.getParent()).getChildrenUnmodifiable().stream()
                            .filter(c -> c.getStyleClass().contains("wr-line-text")).map(c -> ((Labeled) c).getText())
                            .findFirst().orElse("");
                    if (glyph.getText().isBlank() || !words.contains(glyph.getAccessibleText()) || line.isBlank()) {
                        out.add("line status '" + glyph.getText() + "' without its word or text: '" + line + "'");
                    }
                }
                if (n instanceof TextInputControl || n instanceof ButtonBase || n instanceof ComboBoxBase<?>) {
                    out.add("an input control on a read-only board: " + n);
                }
            }
            return out;
        });
        assertThat(statusProblems).isEmpty();
        assertThat(OnFx.read(() -> DrawnText.all(board).stream()
                .filter(n -> n.getStyleClass().contains("wr-status") && DrawnText.visible(n))
                .count())).as("statuses shown").isEqualTo(statuses);
        assertThat(Arrays.stream(TileStatus.values()).map(TileStatus::glyph).distinct().count())
                .as("each status has its own glyph: a shape, not only a colour").isEqualTo(TileStatus.values().length);

        List<String> lowContrast = OnFx.read(() -> {
            settle();
            List<String> out = new ArrayList<>();
            for (Node n : DrawnText.all(board)) {
                if (n instanceof Labeled l && DrawnText.visible(l) && l.getText() != null && !l.getText().isBlank()
                        && l.getTextFill() instanceof Color fg) {
                    Color bg = background(l);
                    double ratio = Contrast.ratio(fg, bg);
                    if (ratio < 7) {
                        out.add(String.format("'%s' %s on %s: %.2f", l.getText(), fg, bg, ratio));
                    }
                }
            }
            return out;
        });
        assertThat(lowContrast).as("rendered text below 7:1").isEmpty();
    }

    /** Styles and lays out the scene as the next pulse would (call on the FX thread). */
    private void settle() {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
    }

    @Test
    void theBoardFollowsTheIncidentAndItsBackends() throws Exception {
        Await.until("the fleet tile shows the workloads", WAIT, () -> OnFx.read(() -> texts(board).stream()
                .anyMatch(t -> t.startsWith("ap-shared ") && t.contains("ready"))));
        Await.until("the trust tile shows the customer's mode change", WAIT, () -> OnFx.read(() -> texts(board).stream()
                .anyMatch(t -> t.contains("globex") && t.contains("SANDBOX_CODE_ONLY"))));

        monitor.reportSuccess(BackendKind.REDIS);
        monitor.reportFailure(BackendKind.REDIS, "connection refused");
        Await.until("the queue tile says since when its data is stale", WAIT, () -> OnFx.read(() ->
                staleText("wr-tile-queues").startsWith("\u26A0 STALE since ")));
        assertThat(OnFx.read(() -> staleText("wr-tile-queues"))).matches("\u26A0 STALE since \\d\\d:\\d\\d: .*refused.*");
        assertThat(OnFx.read(() -> staleText("wr-tile-fleet"))).as("the fleet stays live").isEmpty();
        assertThat(OnFx.read(() -> staleText("wr-tile-failures"))).as("the platform stays live").isEmpty();
        replayHeld.countDown();
    }

    /** The palette's text and background tokens, read from the CSS files, pair up at 7:1 or better. */
    @Test
    void thePaletteTokensHaveSevenToOneContrast() throws Exception {
        Map<String, Color> palette = Contrast.palette(Files.readString(STYLES.resolve("war-room.css")));
        Map<String, String> tokens = Contrast.tokens(Files.readString(STYLES.resolve("tokens.css")));
        List<String> texts = List.of("-color-fg-default", "-color-fg-muted", "-color-success-fg",
                "-color-warning-fg", "-color-danger-fg", "-color-accent-emphasis");
        List<String> backgrounds = List.of("-color-bg-default", "-color-bg-subtle");
        List<String> low = new ArrayList<>();
        for (String fg : texts) {
            for (String bg : backgrounds) {
                double ratio = Contrast.ratio(palette.get(tokens.get(fg)), palette.get(tokens.get(bg)));
                if (ratio < 7) {
                    low.add(fg + " on " + bg + ": " + ratio);
                }
            }
        }
        double stale = Contrast.ratio(palette.get(tokens.get("-color-warning-fg")),
                palette.get(tokens.get("-color-warning-muted")));
        assertThat(low).isEmpty();
        assertThat(stale).as("the stale banner").isGreaterThanOrEqualTo(7);
    }

    private String staleText(String tileId) {
        Label stale = (Label) board.lookup("#" + tileId + " .wr-stale");
        return stale.isVisible() ? stale.getText() : "";
    }

    private static double tokenPx(String token) throws Exception {
        Matcher m = Pattern.compile(Pattern.quote(token) + ":\\s*([0-9.]+)px").matcher(
                Files.readString(STYLES.resolve("tokens.css")));
        assertThat(m.find()).as(token + " in styles/tokens.css").isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** The colour behind a node: the first filled background of it or its ancestors. */
    private static Color background(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (at instanceof Region r) {
                Background b = r.getBackground();
                if (b != null && !b.getFills().isEmpty()) {
                    Paint fill = b.getFills().get(b.getFills().size() - 1).getFill();
                    if (fill instanceof Color c && c.getOpacity() > 0) {
                        return c;
                    }
                }
            }
        }
        return Color.BLACK;
    }


    private static List<String> texts(Parent root) {
        return DrawnText.all(root).stream().filter(n -> n instanceof Labeled).map(n -> ((Labeled) n).getText())
                .filter(t -> t != null).toList();
    }
}
