package dev.pitwall.app;

import dev.pitwall.model.BackendKind;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.exec.BackgroundExecutor;
import dev.pitwall.ops.fleet.FleetSnapshot;
import dev.pitwall.ops.guard.WriteGuard;
import dev.pitwall.ops.rollback.Preflight;
import dev.pitwall.ops.rollback.RollbackCluster;
import dev.pitwall.ops.rollback.RollbackPlanner;
import dev.pitwall.ops.rollback.RollbackRunner;
import dev.pitwall.ops.rollback.WorkloadRef;
import dev.pitwall.ops.trust.TrustSession;
import dev.pitwall.ops.trust.TrustWorkload;
import dev.pitwall.ops.trust.WorkloadKind;
import dev.pitwall.ui.common.ViewLoader;
import dev.pitwall.ui.queues.FxHandoff;
import dev.pitwall.ui.rollback.RollbackWizardView;
import dev.pitwall.ui.rollback.RollbackWizardViewModel;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The Rollouts screen: a tab per wizard (Rollback first), and the wiring of the rollback wizard to a profile. */
final class RolloutsScreen {

    /** How long verification may take in the console, and how often it looks. */
    static final RollbackWizardViewModel.Verify CONSOLE_VERIFY = new RollbackWizardViewModel.Verify(
            Duration.ofMinutes(10), Duration.ofSeconds(5), d -> Thread.sleep(d.toMillis()));

    private RolloutsScreen() {
    }

    /** The screen: one tab per wizard; the rollback wizard starts by listing the worker workloads. */
    static TabPane build(RollbackWizardViewModel rollback, ZoneId zone) {
        TabPane tabs = new TabPane(tab("Rollback", ViewLoader.load("rollback-wizard",
                new RollbackWizardView(rollback, zone))));
        tabs.getStyleClass().add("rollouts");
        rollback.load();
        return tabs;
    }

    /** How often the rollback wizard's first step reads the workloads again. */
    static final java.time.Duration FOLLOW_EVERY = java.time.Duration.ofSeconds(15);

    /** Another wizard's tab, after the rollback wizard's. */
    static void addTab(TabPane tabs, String title, Node content) {
        tabs.getTabs().add(tab(title, content));
    }

    private static Tab tab(String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setClosable(false);
        return tab;
    }

    static RollbackWizardViewModel rollbackWizard(RollbackWizardViewModel.Ports ports, BackgroundExecutor executor,
                                                  Consumer<Task<?>> operations, ZoneId zone) {
        RollbackWizardViewModel wizard = new RollbackWizardViewModel(ports, executor, FxHandoff.frames(), operations,
                System.getProperty("user.name"), zone);
        wizard.follow(FOLLOW_EVERY);
        return wizard;
    }

    /**
     * The rollback wizard's ports for a profile with Kubernetes: the cluster and heartbeats through the adapters,
     * the worker workloads and the trust policy from the trust session, cache volumes from the fleet's snapshots.
     *
     * @param fleet        the fleet's latest snapshot, or null while it is connecting
     * @param replayWindow opens the replay planner for the runs failed since an instant
     * @param guard        the session's write guard
     * @param own          takes the clients opened here, to close them with the session
     */
    static RollbackWizardViewModel.Ports rollbackPorts(ConnectionProfile profile, Backends backends,
                                                       TrustSession trust, Supplier<FleetSnapshot> fleet,
                                                       RollbackWizardViewModel.Verify verify,
                                                       Consumer<Instant> replayWindow, WriteGuard guard,
                                                       Clock clock, Consumer<AutoCloseable> own) {
        RollbackCluster cluster = backends.rollbackCluster(profile);
        own.accept(cluster);
        RollbackRunner runner = new RollbackRunner(cluster, backends.heartbeats(profile, own), guard,
                backends.auditLog(), System.getProperty("user.name"), clock);
        Preflight preflight = new Preflight(runner, new FleetCacheVolumes(fleet), new TrustModePolicy(trust::policy));
        return new RollbackWizardViewModel.Ports(() -> workers(trust), new RollbackPlanner(cluster,
                guard.identity(BackendKind.KUBERNETES), clock), runner, preflight, backends.rollbackPlans(), guard,
                verify, replayWindow);
    }

    /** The profile's worker workloads, as the trust engine lists them (the profile's worker selector). */
    private static List<WorkloadRef> workers(TrustSession trust) {
        return trust.engine().workloads().workloads().stream().map(TrustWorkload::ref)
                .map(r -> new WorkloadRef(r.kind() == WorkloadKind.DEPLOYMENT ? WorkloadRef.Kind.DEPLOYMENT
                        : WorkloadRef.Kind.STATEFULSET, r.namespace(), r.name())).toList();
    }
}
