package dev.pitwall.app;

import dev.pitwall.app.settings.ProfileStore;
import dev.pitwall.app.settings.SettingsStore;
import dev.pitwall.cli.ParsedArgs;
import dev.pitwall.demo.DemoEnvironment;
import dev.pitwall.demo.scenario.Scenario;
import dev.pitwall.demo.world.SimClock;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.connect.SecretSource;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The one fixture for tests that open a console, start a demo world, or both, so that no test sees another's
 * leftovers: its own config and state folders (temporary, removed afterwards), the demo world when asked for, and
 * every console it opened closed (window hidden, console and session closed) before the world stops.
 *
 * <p>Register it with {@code @RegisterExtension}: as a {@code static} field the world lives for the test class (and
 * consoles still close after each test), as an instance field it is made anew for every test. Consoles need the FX
 * toolkit: such test classes also carry {@code @ExtendWith(ApplicationExtension.class)}.
 * <pre>
 * &#64;RegisterExtension
 * static final ConsoleWorld world = ConsoleWorld.demo(Scenario.INCIDENT, 42).advancedBy(Duration.ofMinutes(20));
 * ...
 * ConsoleApp app = world.open("--view", "rollouts");
 * </pre>
 */
public final class ConsoleWorld implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {

    private record Opened(ConsoleApp app, Session session) {
    }

    private final DemoEnvironment.Options demoOptions;
    private final Duration advance;
    private boolean perClass;
    private Path dir;
    private DemoEnvironment demo;
    private Backends backends;
    private final List<Opened> consoles = new ArrayList<>();

    private ConsoleWorld(DemoEnvironment.Options demoOptions, Duration advance) {
        this.demoOptions = demoOptions;
        this.advance = advance;
    }

    /** Folders and consoles only: consoles open on the profiles (or sessions) the test gives. */
    public static ConsoleWorld withoutDemo() {
        return new ConsoleWorld(null, Duration.ZERO);
    }

    /** A demo world whose simulated time only the test moves, starting at {@link SimClock#EPOCH}. */
    public static ConsoleWorld demo(Scenario scenario, long seed) {
        return demo(new DemoEnvironment.Options(scenario, seed, 0, SimClock.EPOCH));
    }

    /** A demo world with these options ({@code speed > 0}: it moves by itself, as in the real console). */
    public static ConsoleWorld demo(DemoEnvironment.Options options) {
        return new ConsoleWorld(options, Duration.ZERO);
    }

    /** The world's simulated time moved this far before the first test sees it. */
    public ConsoleWorld advancedBy(Duration amount) {
        return new ConsoleWorld(demoOptions, amount);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        begin();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            begin();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            closeConsoles();
        } finally {
            if (!perClass) {
                end();
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        end();
    }

    /** The demo world (fails when this fixture has none). */
    public DemoEnvironment demo() {
        if (demo == null) {
            throw new IllegalStateException("this ConsoleWorld has no demo: make it with ConsoleWorld.demo(...)");
        }
        return demo;
    }

    /** The state folder: journals, plans, the audit log, alert history. */
    public Path stateDir() {
        return dir.resolve("state");
    }

    /** The config folder: settings and profiles. */
    public Path configDir() {
        return dir.resolve("config");
    }

    /** The adapters as the launcher builds them, on this fixture's state folder (with the demo's platform key). */
    Backends backends() {
        return backends;
    }

    /** A console on the demo's profile with these command-line options (say {@code "--view", "rollouts"}). */
    ConsoleApp open(String... options) {
        return open(new Session(demo().profile()), options);
    }

    /** A console on {@code profile}; null opens one without a profile. */
    ConsoleApp open(ConnectionProfile profile, String... options) {
        return open(new Session(profile), options);
    }

    /** A console on {@code session}, which is closed with the console. */
    ConsoleApp open(Session session, String... options) {
        ConsoleApp app = new ConsoleApp(session, ConsoleOptions.from(ParsedArgs.parse(List.of(options),
                GlobalOptions.ALL)), new SettingsStore(configDir()), new ProfileStore(configDir()), backends);
        onFx(() -> {
            app.build();
            app.show(new Stage());
        });
        consoles.add(new Opened(app, session));
        return app;
    }

    /** Closes a console now, as closing its window does: the console first, then its session. */
    void close(ConsoleApp app) {
        for (Opened o : List.copyOf(consoles)) {
            if (o.app() == app) {
                consoles.remove(o);
                closeNow(o);
            }
        }
    }

    private void begin() {
        try {
            dir = Files.createTempDirectory("pitwall-test-");
            Files.createDirectories(stateDir());
            Files.createDirectories(configDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (demoOptions != null) {
            demo = DemoEnvironment.start(demoOptions);
            demo.advance(advance);
            DemoEnvironment started = demo;
            backends = new Backends(ref -> Optional.of(started.platformKey()), stateDir());
        } else {
            backends = new Backends(SecretSource.environment(), stateDir());
        }
    }

    private void closeConsoles() {
        RuntimeException first = null;
        for (int i = consoles.size() - 1; i >= 0; i--) {
            try {
                closeNow(consoles.get(i));
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        consoles.clear();
        if (first != null) {
            throw first;
        }
    }

    private static void closeNow(Opened o) {
        try {
            onFx(() -> {
                o.app().window().scene().getWindow().hide();
                o.app().close();
            });
        } finally {
            o.session().close();
        }
    }

    private void end() {
        try {
            if (demo != null) {
                demo.close();
            }
        } finally {
            demo = null;
            deleteTree(dir);
        }
    }

    private static void onFx(Runnable r) {
        try {
            WaitForAsyncUtils.asyncFx(r).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("on the FX thread: " + e, e);
        }
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the test folder " + root, e);
        }
    }
}
