package dev.pitwall.app;

import dev.pitwall.app.settings.ProfileStore;
import dev.pitwall.app.settings.SettingsStore;
import dev.pitwall.ui.common.Snapshots;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts JavaFX and opens the console. In screenshot mode it renders offscreen through Monocle, waits until the
 * back-ends have answered and the background work has settled, writes the PNG and returns the exit code.
 */
final class ConsoleStarter {

    /** Frames in a row with no background work before a screenshot is taken. */
    private static final int QUIET_FRAMES = 20;
    private static final long SCREENSHOT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final Supplier<Session> sessionSource;
    private final boolean slowStart;
    private final CompletableFuture<Session> session = new CompletableFuture<>();
    private final ConsoleOptions options;
    private final SettingsStore settings;
    private final ProfileStore profiles;
    private final Backends backends;
    private final PrintStream out;
    private final PrintStream err;
    private final AtomicInteger exitCode = new AtomicInteger(0);
    private final CountDownLatch finished = new CountDownLatch(1);

    /**
     * @param sessionSource what to connect to; with {@code slowStart} (the embedded demo) it is started in the
     *                      background while the window already shows, so the console never waits on a blank screen
     */
    ConsoleStarter(Supplier<Session> sessionSource, boolean slowStart, ConsoleOptions options, SettingsStore settings,
                   ProfileStore profiles, Backends backends, PrintStream out, PrintStream err) {
        this.sessionSource = sessionSource;
        this.slowStart = slowStart;
        this.options = options;
        this.settings = settings;
        this.profiles = profiles;
        this.backends = backends;
        this.out = out;
        this.err = err;
    }

    int start() {
        if (options.headless()) {
            useMonocle();
        }
        Platform.setImplicitExit(true);
        Platform.startup(this::openWindow);
        if (!options.headless() && !options.exitAfterFirstFrame()) {
            return Launcher.KEEP_RUNNING;
        }
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        Platform.exit();
        session.thenAccept(Session::close).exceptionally(e -> null).join();
        return exitCode.get();
    }

    private void openWindow() {
        Stage stage = new Stage();
        if (!slowStart) {
            Session ready = sessionSource.get();
            session.complete(ready);
            show(stage, ready);
            return;
        }
        ConsoleApp starting = open(stage, Session.starting("Starting the embedded demo environment\u2026"));
        if (options.exitAfterFirstFrame()) {
            reportFirstFrame();
        }
        Thread demo = new Thread(() -> {
            try {
                Session ready = sessionSource.get();
                session.complete(ready);
                Platform.runLater(() -> {
                    starting.close();
                    show(stage, ready);
                });
            } catch (RuntimeException e) {
                session.completeExceptionally(e);
                Platform.runLater(() -> starting.showProblem("The demo environment could not start: "
                        + e.getMessage()));
                if (options.headless()) {
                    exitCode.set(1);
                    finished.countDown();
                }
            }
        }, "demo-start");
        demo.setDaemon(true);
        demo.start();
    }

    private void show(Stage stage, Session ready) {
        ConsoleApp app = open(stage, ready);
        stage.setOnHidden(e -> {
            app.close();
            ready.close();
        });
        if (options.exitAfterFirstFrame() && !slowStart) {
            reportFirstFrame();
        } else if (options.headless() && !options.exitAfterFirstFrame()) {
            waitThenSnapshot(app);
        }
    }

    private ConsoleApp open(Stage stage, Session s) {
        ConsoleApp app = new ConsoleApp(s, options, settings, profiles, backends);
        app.build();
        app.show(stage);
        return app;
    }

    private void reportFirstFrame() {
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                out.println("first frame after " + ms + " ms");
                finished.countDown();
            }
        }.start();
    }

    private void waitThenSnapshot(ConsoleApp app) {
        long deadline = System.nanoTime() + SCREENSHOT_TIMEOUT_NANOS;
        new AnimationTimer() {
            private int quietFrames;

            @Override
            public void handle(long now) {
                boolean quiet = app.backendsSettled() && app.executor().isIdle();
                quietFrames = quiet ? quietFrames + 1 : 0;
                if (quietFrames < QUIET_FRAMES && System.nanoTime() < deadline) {
                    return;
                }
                stop();
                try {
                    Snapshots.writePng(app.window().scene(), options.screenshot());
                    out.println("screenshot written to " + options.screenshot().toAbsolutePath());
                } catch (Exception e) {
                    err.println("pitwall: screenshot failed: " + e.getMessage());
                    exitCode.set(1);
                }
                app.close();
                finished.countDown();
            }
        }.start();
    }

    /** Offscreen rendering: must be set before the first JavaFX class initialises its platform. */
    private void useMonocle() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        System.setProperty("headless.geometry", options.size().width() + "x" + options.size().height() + "-32");
    }
}
