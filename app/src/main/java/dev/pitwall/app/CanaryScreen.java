package dev.pitwall.app;

import dev.pitwall.model.Alert;
import dev.pitwall.ops.alert.AlertCenter;
import dev.pitwall.ops.canary.CanaryPhase;
import dev.pitwall.ops.canary.CanarySession;
import dev.pitwall.ops.exec.BackgroundExecutor;
import dev.pitwall.ops.guard.WriteGuard;
import dev.pitwall.ui.canary.CanaryView;
import dev.pitwall.ui.canary.CanaryViewModel;
import dev.pitwall.ui.common.ViewLoader;
import dev.pitwall.ui.queues.FxHandoff;
import dev.pitwall.ui.shell.PlaceholderPane;
import dev.pitwall.ui.shell.Screen;
import javafx.scene.Node;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** Wires the canary wizard to the session's back-ends: a canary engine, its ViewModel and view. */
final class CanaryScreen {

    /** How often the wizard evaluates a live canary it shows. */
    static final Duration FOLLOW_EVERY = Duration.ofSeconds(15);

    private CanaryScreen() {
    }

    /** @param alerts where an abort seen live is raised (critical), for the header badge and the timeline */
    static Node build(Session session, Backends backends, WriteGuard guard, BackgroundExecutor executor,
                      AlertCenter alerts) {
        if (!session.hasProfile() || !session.profile().hasKubernetes()) {
            return new PlaceholderPane(Screen.ROLLOUTS, session.isStarting()
                    ? "Starting the embedded demo environment\u2026"
                    : "Kubernetes is not configured in this profile: give --kubeconfig and --context, or edit the "
                    + "profile with Profiles\u2026, to run canaries of worker workloads.");
        }
        try {
            CanarySession canary = CanarySessions.open(session.profile(), backends, guard, Clock.systemUTC(),
                    System.getProperty("user.name", "console"));
            session.own(canary);
            return build(canary, executor, FxHandoff.frames(), FOLLOW_EVERY, ZoneId.systemDefault(), alerts);
        } catch (IllegalArgumentException | Launcher.NoProfileException e) {
            return new PlaceholderPane(Screen.ROLLOUTS, e.getMessage());
        }
    }

    /** The wizard on an open canary session (tests give their own executor, handoff and follow period). */
    static Node build(CanarySession canary, BackgroundExecutor executor, FxHandoff fx, Duration followEvery,
                      ZoneId zone, AlertCenter alerts) {
        CanaryViewModel model = new CanaryViewModel(canary.engine(), executor, fx, followEvery, zone);
        // only an abort seen happening here is raised, not the last canary's when a workload is chosen again
        model.display().phaseProperty().addListener((obs, old, now) -> {
            if (old != null && !old.isFinal() && now == CanaryPhase.ABORTED) {
                alerts.raise(new Alert(Alert.Severity.CRITICAL, "canary-aborted",
                        String.valueOf(model.workloadProperty().get()), model.display().abortReasonProperty().get(),
                        Instant.now()));
            }
        });
        Node view = ViewLoader.load("canary", new CanaryView(model));
        model.start();
        return view;
    }
}
