package dev.pitwall.app;

import dev.pitwall.model.BackendKind;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.connect.BackendHealthMonitor;
import dev.pitwall.ops.exec.BackgroundExecutor;
import dev.pitwall.ops.queues.FailedJobBrowser;
import dev.pitwall.ops.queues.QueueBackend;
import dev.pitwall.ops.queues.QueueHealthListener;
import dev.pitwall.ops.queues.QueueMonitor;
import dev.pitwall.ui.common.ViewLoader;
import dev.pitwall.ui.queues.FailedJobsViewModel;
import dev.pitwall.ui.queues.FxHandoff;
import dev.pitwall.ui.queues.QueuesView;
import dev.pitwall.ui.queues.QueuesViewModel;
import javafx.scene.Node;

import java.time.Clock;
import java.time.ZoneId;
import java.util.function.Supplier;

/** Wires the Queues screen to one Redis: monitor, failed-job browser, ViewModels, view; then starts refreshing. */
final class QueuesScreen {

    private QueuesScreen() {
    }

    /**
     * @param health the console's health monitor, read when a refresh ends (it may not exist yet when the screen is
     *               built), so that the status bar marks Redis stale together with this screen
     */
    static Node build(QueueBackend backend, ConnectionProfile profile, BackgroundExecutor executor,
                      Supplier<BackendHealthMonitor> health, Clock clock, ZoneId zone) {
        FailedJobsViewModel failed = new FailedJobsViewModel(new FailedJobBrowser(backend), executor,
                FxHandoff.frames(), zone, FailedJobBrowser.DEFAULT_PAGE_SIZE);
        QueuesViewModel model = new QueuesViewModel(new QueueMonitor(backend, profile.queueNames(), clock), failed,
                executor, FxHandoff.frames(), reportingTo(health), zone);
        Node view = ViewLoader.load("queues", new QueuesView(model, zone));
        model.start();
        return view;
    }

    private static QueueHealthListener reportingTo(Supplier<BackendHealthMonitor> health) {
        return new QueueHealthListener() {
            @Override
            public void refreshed() {
                BackendHealthMonitor monitor = health.get();
                if (monitor != null) {
                    monitor.reportSuccess(BackendKind.REDIS);
                }
            }

            @Override
            public void failed(String reason) {
                BackendHealthMonitor monitor = health.get();
                if (monitor != null) {
                    monitor.reportFailure(BackendKind.REDIS, reason);
                }
            }
        };
    }
}
