package dev.pitwall.app;

import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.exec.BackgroundExecutor;
import dev.pitwall.ops.replay.ReplayPlanner;
import dev.pitwall.ops.guard.WriteGuard;
import dev.pitwall.ops.replay.ReplayRuns;
import dev.pitwall.platform.PlatformFlowRuns;
import dev.pitwall.ui.common.ViewLoader;
import dev.pitwall.ui.operations.OperationsViewModel;
import dev.pitwall.ui.runs.FailedRunsView;
import dev.pitwall.ui.runs.FailedRunsViewModel;
import dev.pitwall.ui.replay.ReplaysView;
import dev.pitwall.ui.replay.ReplaysViewModel;
import dev.pitwall.ui.shell.PlaceholderPane;
import dev.pitwall.ui.shell.Screen;
import dev.pitwall.ui.shell.ShellViewModel;
import javafx.scene.Node;

import java.time.Clock;
import java.time.ZoneId;

/** Builds the Failed runs and Replays screens, which share the platform and hand runs from one to the other. */
final class ReplayScreens {

    private final ConnectionProfile profile;
    private final Backends backends;
    private final BackgroundExecutor executor;
    private final OperationsViewModel operations;
    private final ShellViewModel shell;
    private final WriteGuard guard;
    private final Clock clock;
    private ReplaysViewModel replays;

    /** @param guard the session's write guard (null without a profile: the screens then say so) */
    ReplayScreens(ConnectionProfile profile, Backends backends, BackgroundExecutor executor,
                  OperationsViewModel operations, ShellViewModel shell, WriteGuard guard, Clock clock) {
        this.guard = guard;
        this.profile = profile;
        this.backends = backends;
        this.executor = executor;
        this.operations = operations;
        this.shell = shell;
        this.clock = clock;
    }

    boolean handles(Screen screen) {
        return screen == Screen.FAILED_RUNS || screen == Screen.REPLAYS;
    }

    Node create(Screen screen) {
        if (profile == null || !profile.hasPlatform()) {
            return new PlaceholderPane(screen, "The platform API is not configured in this profile: give "
                    + "--platform-url and --platform-key-env, or edit the profile.");
        }
        if (screen == Screen.FAILED_RUNS) {
            FailedRunsViewModel model = new FailedRunsViewModel(runs(), backends.failedJobLookup(profile), executor,
                    clock);
            Node node = ViewLoader.load("failed-runs", new FailedRunsView(model, m -> {
                replays().planFrom(m.replayCandidates(), m.describeSelection());
                shell.select(Screen.REPLAYS);
            }, ZoneId.systemDefault()));
            model.load();
            return node;
        }
        return ViewLoader.load("replays", new ReplaysView(replays()));
    }

    /**
     * Opens the Replays screen with a plan of every run that failed from {@code after} to now: the replay of an
     * incident's window, from the rollback wizard's summary.
     */
    void planWindow(java.time.Instant after) {
        if (profile == null || !profile.hasPlatform()) {
            shell.showMessage("Cannot replay the incident window: the platform API is not configured in this profile.");
            return;
        }
        String from = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(ZoneId.systemDefault()).format(after);
        replays().planWindow(after, null, "failed runs of the incident window, from " + from + " to now");
        shell.select(Screen.REPLAYS);
    }

    /**
     * Looks for replays whose process ended without finishing or stopping (a crash, a kill, a closed laptop) and
     * says so in the status bar, so that nothing is left half-done unnoticed. Runs in the background.
     */
    void announceInterrupted() {
        executor.supply(() -> backends.replayFiles().journals().stream().filter(j -> {
            try {
                var s = dev.pitwall.ops.replay.JournalState.of(backends.replayFiles().journal(j).readAll());
                return !s.isCompleted() && s.stopReason().isEmpty();
            } catch (RuntimeException e) {
                return false;
            }
        }).count()).thenAccept(n -> {
            if (n > 0) {
                dev.pitwall.ui.common.Fx.run(() -> shell.showMessage(n + (n == 1 ? " replay was" : " replays were")
                        + " interrupted before the end: open Replays (Ctrl+5) and choose Resume"));
            }
        });
    }

    private ReplaysViewModel replays() {
        if (replays == null) {
            replays = new ReplaysViewModel(runs(), new ReplayPlanner(clock, ReplayPlanner.DEFAULT_RETENTION),
                    backends.replayFiles(), new ReplayRuns(guard, source -> backends.replayTarget(profile, source)),
                    () -> backends.waitingDepth(profile), backends.auditLog(), System.getProperty("user.name"),
                    executor, operations::start);
        }
        return replays;
    }

    private PlatformFlowRuns runs() {
        return backends.platformRuns(profile);
    }
}
