package dev.pitwall.app;

import dev.pitwall.ops.exec.BackgroundExecutor;
import dev.pitwall.ops.trust.DriftSink;
import dev.pitwall.ops.trust.DriftWatch;
import dev.pitwall.ops.trust.GroupTrust;
import dev.pitwall.ops.trust.TrustSession;
import dev.pitwall.ui.common.Fx;
import dev.pitwall.ui.common.ViewLoader;
import dev.pitwall.ui.queues.FxHandoff;
import dev.pitwall.ui.shell.ShellViewModel;
import dev.pitwall.ui.trust.TrustView;
import dev.pitwall.ui.trust.TrustViewModel;
import javafx.concurrent.Task;
import javafx.scene.Node;

import java.time.ZoneId;
import java.util.function.Consumer;

/** Wires the Trust screen to a trust session: ViewModel, view, drift alerts; then starts following the cluster. */
final class TrustScreen {

    private TrustScreen() {
    }

    static Node build(TrustSession trust, BackgroundExecutor executor, Consumer<Task<?>> operations, DriftSink alerts,
                      ZoneId zone) {
        TrustViewModel model = new TrustViewModel(trust, executor, FxHandoff.frames(), new DriftWatch(alerts),
                operations, zone, System.getProperty("user.name"));
        Node view = ViewLoader.load("trust", new TrustView(model));
        model.start();
        return view;
    }

    /**
     * Drift as an alert in the shell's alert list (kept for the timeline), and a line in the status bar so that it is
     * seen at once: critical, or a warning for a change by revision that strips nothing ({@link GroupTrust#critical}).
     */
    static DriftSink alerts(dev.pitwall.ops.alert.AlertCenter center, ShellViewModel shell, java.time.Clock clock) {
        return new DriftSink() {
            @Override
            public void raise(GroupTrust group) {
                boolean critical = group.critical();
                center.raise(new dev.pitwall.model.Alert(critical ? dev.pitwall.model.Alert.Severity.CRITICAL
                        : dev.pitwall.model.Alert.Severity.WARNING, "trust-drift", group.key(),
                        "trust drift: " + group.describe(), clock.instant()));
                Fx.run(() -> shell.showMessage((critical ? "\u2716 CRITICAL" : "\u26A0 WARNING") + " trust drift: "
                        + group.describe()));
            }

            @Override
            public void clear(String key, String description) {
                center.clear("trust-drift", key);
                Fx.run(() -> shell.showMessage("\u2714 trust: " + description));
            }
        };
    }
}
