package dev.pitwall.app;

import dev.pitwall.app.settings.ProfileStore;
import dev.pitwall.app.settings.SettingsException;
import dev.pitwall.app.settings.SettingsStore;
import dev.pitwall.model.Alert;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.alert.AlertCenter;
import dev.pitwall.ops.connect.BackendHealthMonitor;
import dev.pitwall.ops.exec.BackgroundExecutor;
import dev.pitwall.ops.exec.PooledExecutor;
import dev.pitwall.ops.fleet.FleetEngine;
import dev.pitwall.ops.guard.WriteGuard;
import dev.pitwall.ui.common.FrameCoalescer;
import dev.pitwall.ui.common.Fx;
import dev.pitwall.ui.fleet.FleetScreen;
import dev.pitwall.ui.fleet.FleetViewModel;
import dev.pitwall.ui.operations.OperationsPanel;
import dev.pitwall.ui.operations.OperationsViewModel;
import dev.pitwall.ui.profile.ProfileEditorDialog;
import dev.pitwall.ui.profile.ProfileEditorViewModel;
import dev.pitwall.ui.shell.ConsoleWindow;
import dev.pitwall.ui.shell.PlaceholderPane;
import dev.pitwall.ui.shell.Screen;
import dev.pitwall.ui.shell.ShellViewModel;
import dev.pitwall.ui.shell.Theme;
import javafx.stage.Stage;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Wires the console for one session: executor, health monitor, shell, operations, profile editor. FX thread. */
final class ConsoleApp {

    private final Session session;
    private final ConsoleOptions options;
    private final SettingsStore settingsStore;
    private final ProfileStore profileStore;
    private final Backends backends;
    private final PooledExecutor executor = new PooledExecutor(6);
    private final Clock clock = Clock.systemDefaultZone();
    private ShellViewModel shell;
    /** The write guard of the session's connection: every action of every screen passes it. */
    private WriteGuard guard;
    private ReplayScreens replayScreens;
    private OperationsViewModel operations;
    private ConsoleWindow window;
    private BackendHealthMonitor monitor;
    private BackgroundExecutor.Cancellable probes;
    private volatile boolean closed;
    /** Every alert of the session, for the header badge now and the incident timeline later. */
    private final AlertCenter alerts = new AlertCenter(clock, AlertCenter.DEFAULT_HISTORY);
    /** The fleet engine, built and started in the background when the profile has Kubernetes. */
    private final CompletableFuture<FleetEngine> fleet = new CompletableFuture<>();
    /** The queues' latest trends, from the war-room board's refreshes, for the incident timeline's spikes. */
    private final java.util.concurrent.atomic.AtomicReference<java.util.Map<String,
            List<dev.pitwall.ops.queues.TrendPoint>>> queueTrends = new java.util.concurrent.atomic.AtomicReference<>(
            java.util.Map.of());

    ConsoleApp(Session session, ConsoleOptions options, SettingsStore settingsStore, ProfileStore profileStore,
               Backends backends) {
        this.session = session;
        this.options = options;
        this.settingsStore = settingsStore;
        this.profileStore = profileStore;
        this.backends = backends;
    }

    ConsoleWindow build() {
        ConnectionProfile profile = session.profile();
        shell = new ShellViewModel(profile != null ? profile.name() : session.isStarting() ? "demo (starting)"
                : "no profile",
                profile != null && profile.readOnly());
        var settings = settingsStore.load();
        guard = profile == null ? null : WriteGuards.of(session, backends, settings.productionContexts(),
                System.getProperty("user.name", "console"), clock);
        Theme theme = options.theme() != null ? options.theme()
                : Theme.byId(settings.theme()).orElse(Theme.LIGHT);
        shell.themeProperty().set(theme);
        if (options.view() != null) {
            shell.select(options.view());
        }
        shell.themeProperty().addListener((obs, old, now) -> executor.run(() -> saveTheme(now)));
        shell.setEditProfileAction(this::openProfileEditor);

        operations = new OperationsViewModel(r -> executor.run(r), clock);
        replayScreens = new ReplayScreens(profile, backends, executor, operations, shell, guard, clock);
        replayScreens.announceInterrupted();

        java.util.List<String> notes = new java.util.ArrayList<>(session.notes());
        if (settingsStore.lastProblem() != null) {
            notes.add(settingsStore.lastProblem());
        }
        shell.showMessage(String.join("  \u00b7  ", notes));

        if (profile != null) {
            monitor = new BackendHealthMonitor(profile, backends.probes(), clock);
            monitor.addListener(status -> Fx.run(() -> shell.updateStatus(status)));
            for (var kind : dev.pitwall.model.BackendKind.values()) {
                shell.updateStatus(monitor.status(kind));
            }
            probes = executor.repeat(monitor::probeAll, Duration.ZERO, Duration.ofSeconds(10));
        }
        if (profile != null) {
            // kept in the state directory: a console restarted mid-incident, and the incident commands, see them
            alerts.addRecorder(new dev.pitwall.ops.alert.AlertRecorder(backends.alertHistory(profile), executor));
        }
        FrameCoalescer<List<Alert>> alertsToShell = new FrameCoalescer<>(shell::updateAlerts);
        alerts.addListener(() -> alertsToShell.offer(alerts.active()));
        if (profile != null && profile.hasKubernetes()) {
            // the kubeconfig is read and the clients are built off the FX thread
            executor.supply(() -> {
                FleetEngine engine = new FleetEngine(backends.fleetSources(profile), executor, clock, alerts, monitor,
                        FleetEngine.Settings.defaults());
                if (!closed) {
                    engine.start(); // a console closed meanwhile closes the engine as soon as it is handed over
                }
                return engine;
            }).whenComplete((engine, error) -> {
                if (error == null) {
                    fleet.complete(engine);
                } else {
                    fleet.completeExceptionally(error);
                }
            });
        }
        // the screens are made last, so that they find the health monitor and the fleet engine's future
        window = options.warRoom()
                ? new ConsoleWindow(shell, (javafx.scene.Parent) createScreen(Screen.WAR_ROOM), options.size().width(),
                options.size().height())
                : new ConsoleWindow(shell, this::createScreen, new OperationsPanel(operations), ZoneId.systemDefault(),
                options.size().width(), options.size().height());
        return window;
    }

    void show(Stage stage) {
        window.showIn(stage);
        if (options.warRoom() && !options.headless()) {
            stage.setFullScreenExitHint("");
            stage.setFullScreen(true);
        }
    }

    /** Shows a problem in the status bar (a demo that could not start). */
    void showProblem(String text) {
        shell.showMessage(text);
    }

    ConsoleWindow window() {
        return window;
    }

    PooledExecutor executor() {
        return executor;
    }

    ShellViewModel shell() {
        return shell;
    }

    /** True once every configured back-end has answered or failed at least once. */
    boolean backendsSettled() {
        if (monitor == null) {
            return true;
        }
        for (var kind : dev.pitwall.model.BackendKind.values()) {
            if (monitor.status(kind).state() == dev.pitwall.model.BackendStatus.State.CONNECTING) {
                return false;
            }
        }
        return true;
    }

    /**
     * Stops the engines before the executor they schedule on, so that none of them hands it work while it closes;
     * what still arrives afterwards (an informer event, an answer in flight) is dropped by the closed executor.
     */
    void close() {
        closed = true;
        if (probes != null) {
            probes.cancel();
        }
        fleet.thenAccept(FleetEngine::close);
        executor.close();
    }

    private javafx.scene.Node createScreen(Screen screen) {
        if (screen == Screen.FLEET && session.hasProfile() && session.profile().hasKubernetes()) {
            return fleetScreen();
        }
        if (replayScreens.handles(screen)) {
            return replayScreens.create(screen);
        }
        if (screen == Screen.QUEUES && session.hasProfile()) {
            return queuesScreen();
        }
        if (screen == Screen.TRUST && session.hasProfile()) {
            return trustScreen();
        }
        if (screen == Screen.ROLLOUTS && session.hasProfile()) {
            return rolloutsScreen();
        }
        if (screen == Screen.WAR_ROOM && session.hasProfile()) {
            return new dev.pitwall.ui.warroom.FitToReference(new WarRoomScreen(session.profile(), backends, executor,
                    session, guard, clock, queueTrends::set, TrustScreen.alerts(alerts, shell, clock))
                    .build(fleet, () -> monitor, operations, ZoneId.systemDefault(), options.rotate(),
                            List.of(new dev.pitwall.ops.timeline.AlertTimeline(
                                    backends.alertHistory(session.profile())::read),
                                    new dev.pitwall.ops.timeline.QueueSpikes(queueTrends::get))));
        }
        if (screen == Screen.INCIDENT && session.hasProfile()) {
            return IncidentScreen.build(session, backends, executor, fleet, queueTrends::get, clock,
                    ZoneId.systemDefault());
        }
        String reason = session.isStarting() ? "Starting the embedded demo environment\u2026"
                : session.hasProfile() ? "Nothing to show here yet: this screen is not part of this build."
                : "Not connected. Start with --demo for the embedded demo environment, "
                + "or choose Profiles\u2026 to connect to a cluster.";
        return new PlaceholderPane(screen, reason);
    }

    private javafx.scene.Node queuesScreen() {
        ConnectionProfile profile = session.profile();
        if (!profile.hasRedis()) {
            return new PlaceholderPane(Screen.QUEUES, "Redis is not configured in this profile: give --redis URL, "
                    + "or add a Redis URL with Profiles\u2026, to see the BullMQ queues.");
        }
        try {
            dev.pitwall.ops.queues.QueueBackend backend = backends.queueBackend(profile);
            session.own(backend);
            return QueuesScreen.build(backend, profile, executor, () -> monitor, clock, ZoneId.systemDefault());
        } catch (dev.pitwall.ops.queues.QueueBackendException e) {
            return new PlaceholderPane(Screen.QUEUES, e.getMessage());
        }
    }

    private javafx.scene.Node trustScreen() {
        ConnectionProfile profile = session.profile();
        if (!profile.hasKubernetes()) {
            return new PlaceholderPane(Screen.TRUST, "Kubernetes is not configured in this profile: give --kubeconfig "
                    + "and --context, or edit the profile with Profiles\u2026, to compare the execution modes of the "
                    + "worker groups.");
        }
        try {
            dev.pitwall.ops.trust.TrustSession trust = TrustSessions.open(profile, null, backends.secrets(),
                    backends.auditLog(), guard, clock);
            session.own(trust);
            return TrustScreen.build(trust, executor, operations::start, TrustScreen.alerts(alerts, shell, clock),
                    ZoneId.systemDefault());
        } catch (IllegalArgumentException | Launcher.NoProfileException e) {
            return new PlaceholderPane(Screen.TRUST, e.getMessage());
        }
    }

    private javafx.scene.Node rolloutsScreen() {
        ConnectionProfile profile = session.profile();
        if (!profile.hasKubernetes()) {
            return new PlaceholderPane(Screen.ROLLOUTS, "Kubernetes is not configured in this profile: give "
                    + "--kubeconfig and --context, or edit the profile with Profiles\u2026, to roll back workers.");
        }
        try {
            dev.pitwall.ops.trust.TrustSession trust = TrustSessions.open(profile, null, backends.secrets(),
                    backends.auditLog(), guard, clock);
            session.own(trust);
            var ports = RolloutsScreen.rollbackPorts(profile, backends, trust,
                    () -> fleet.isDone() && !fleet.isCompletedExceptionally() ? fleet.join().latest() : null,
                    RolloutsScreen.CONSOLE_VERIFY, replayScreens::planWindow, guard, clock, session::own);
            javafx.scene.control.TabPane tabs = RolloutsScreen.build(RolloutsScreen.rollbackWizard(ports, executor,
                    operations::start, ZoneId.systemDefault()), ZoneId.systemDefault());
            RolloutsScreen.addTab(tabs, "Canary", CanaryScreen.build(session, backends, guard, executor, alerts));
            return tabs;
        } catch (IllegalArgumentException | Launcher.NoProfileException e) {
            return new PlaceholderPane(Screen.ROLLOUTS, e.getMessage());
        }
    }

    /** A placeholder until the engine is built, then the Fleet screen (or why it could not be). */
    private javafx.scene.Node fleetScreen() {
        javafx.scene.layout.StackPane slot = new javafx.scene.layout.StackPane(new PlaceholderPane(Screen.FLEET,
                "Connecting to the cluster\u2026"));
        fleet.whenComplete((engine, error) -> Fx.run(() -> slot.getChildren().setAll(error == null
                ? FleetScreen.create(new FleetViewModel(engine, executor, ZoneId.systemDefault()),
                ZoneId.systemDefault())
                : new PlaceholderPane(Screen.FLEET, "Cannot watch the fleet: " + rootMessage(error)))));
        return slot;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private void saveTheme(Theme theme) {
        try {
            settingsStore.save(settingsStore.load().withTheme(theme.id()));
        } catch (IOException e) {
            Fx.run(() -> shell.showMessage("theme not remembered: " + e.getMessage()));
        }
    }

    private void openProfileEditor() {
        ProfileEditorViewModel editor = new ProfileEditorViewModel(backends.validator(), executor,
                Backends::contexts, ProfileStore::isValidName, (p, productionContexts) -> {
                    try {
                        profileStore.save(p);
                        settingsStore.save(settingsStore.load().withLastProfile(p.name())
                                .withProductionContexts(productionContexts));
                        shell.showMessage("profile " + p.name() + " saved; restart Pitwall with --profile "
                                + p.name() + " to use it");
                        return null;
                    } catch (SettingsException | IOException e) {
                        return e.getMessage();
                    }
                });
        editor.productionContexts.set(new dev.pitwall.ops.guard.ProductionContexts(settingsStore.load()
                .productionContexts()).text());
        ConnectionProfile current = session.profile();
        editor.load(current == null || current.name().equals("command line") ? ConnectionProfile.empty("")
                : current);
        ProfileEditorDialog.open(window.scene().getWindow(), editor, shell.themeProperty().get().stylesheets());
    }
}
