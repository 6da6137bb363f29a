package dev.pitwall.app;

import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.alert.AlertCenter;
import dev.pitwall.ops.canary.CanaryPhase;
import dev.pitwall.ops.canary.CanarySession;
import dev.pitwall.ops.canary.CanarySettings;
import dev.pitwall.ops.exec.DirectExecutor;
import dev.pitwall.ops.exec.PooledExecutor;
import dev.pitwall.ops.guard.Confirmer;
import dev.pitwall.ops.guard.ProductionContexts;
import dev.pitwall.ops.guard.WriteGuard;
import dev.pitwall.ops.guard.WriteRefused;
import dev.pitwall.ops.rollback.WorkloadRef;
import dev.pitwall.ops.trust.DriftSink;
import dev.pitwall.ops.trust.GroupTrust;
import dev.pitwall.ops.trust.TrustSession;
import dev.pitwall.testing.Await;
import dev.pitwall.testing.OnFx;
import dev.pitwall.ui.canary.CanaryViewModel;
import dev.pitwall.ui.operations.OperationsViewModel;
import dev.pitwall.ui.queues.FxHandoff;
import dev.pitwall.ui.replay.ReplaysViewModel;
import dev.pitwall.ui.rollback.RollbackWizardViewModel;
import dev.pitwall.ui.shell.Screen;
import dev.pitwall.ui.shell.ShellViewModel;
import dev.pitwall.ui.trust.TrustFixViewModel;
import dev.pitwall.ui.trust.TrustRow;
import dev.pitwall.ui.trust.TrustViewModel;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The console on a read-only connection to the demo: every action button of Replays, the rollback wizard, Canary
 * and Trust is disabled with the reason as its tooltip, and the ViewModels refuse when called anyway, changing
 * nothing (the canary runs on, no retry reaches the platform, no template is patched).
 */
@ExtendWith(ApplicationExtension.class)
class ReadOnlyConsoleTest {

    private static final String WHY = "read-only connection (profile night-shift)";
    /** Drift is not what this test looks at. */
    private static final DriftSink NO_ALERTS = new DriftSink() {
        @Override
        public void raise(GroupTrust group) {
        }

        @Override
        public void clear(String key, String description) {
        }
    };

    @TempDir
    Path state;
    private CanaryDemoFixture fx;
    private ConnectionProfile profile;
    private WriteGuard readOnly;
    private PooledExecutor executor;
    private final List<AutoCloseable> open = new ArrayList<>();
    private Stage stage;
    private WorkloadRef initech;

    @BeforeEach
    void demo() throws Exception {
        fx = new CanaryDemoFixture(state, 61);
        executor = new PooledExecutor(2);
        ConnectionProfile demo = fx.demo.profile();
        profile = new ConnectionProfile("night-shift", demo.kubeconfig(), demo.kubeContext(), null,
                demo.workerSelector(), List.of(), demo.redisUrl(), null, demo.platformUrl(), demo.platformKeyEnv(),
                true, false, null);
        readOnly = WriteGuards.of(new Session(profile), fx.backends, ProductionContexts.DEFAULT, "night",
                fx.demo.clock());
        // a canary that runs (started on a writable connection), which a read-only console must not touch
        initech = fx.workload(DemoFleet.namespaceOf("initech"), DemoFleet.workloadOf("initech"));
        fx.capturePlan(initech, true);
        fx.engine().start(initech, new CanarySettings(CanaryDemoFixture.REPOSITORY + "0.88.1", Map.of(), null,
                Duration.ofMinutes(10), null), Confirmer.yes());
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        if (stage != null) {
            robot.interact(() -> stage.hide());
        }
        executor.close();
        for (AutoCloseable c : open) {
            c.close();
        }
        fx.close();
    }

    private CanarySession canaries() {
        CanarySession s = CanarySessions.open(profile, fx.backends, readOnly, fx.demo.clock(), "night");
        open.add(s);
        return s;
    }

    private TrustSession trust() {
        TrustSession s = TrustSessions.open(profile, null, fx.backends.secrets(), fx.backends.auditLog(), readOnly,
                Clock.systemUTC());
        open.add(s);
        return s;
    }

    private static void assertOff(Parent root, String id) {
        Button button = (Button) root.lookup("#" + id);
        assertThat(button).as(id).isNotNull();
        assertThat(button.isDisabled()).as(id + " disabled").isTrue();
        assertThat(button.getTooltip()).as(id + " says why").isNotNull();
        assertThat(button.getTooltip().getText()).as(id).isEqualTo("Disabled: " + WHY);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyActionButtonIsOffWithTheReasonAsItsTooltip(FxRobot robot) throws Exception {
        OperationsViewModel operations = new OperationsViewModel(r -> executor.run(r), Clock.systemUTC());
        ShellViewModel shell = new ShellViewModel(profile.name(), true);
        ReplayScreens replays = new ReplayScreens(profile, fx.backends, executor, operations, shell, readOnly,
                Clock.systemUTC());
        TrustSession trust = trust();
        RollbackWizardViewModel wizard = RolloutsScreen.rollbackWizard(RolloutsScreen.rollbackPorts(profile,
                fx.backends, trust, () -> null, RolloutsScreen.CONSOLE_VERIFY, at -> { }, readOnly,
                Clock.systemUTC(), open::add), executor, operations::start, ZoneOffset.UTC);
        robot.interact(() -> {
            TabPane tabs = new TabPane(new Tab("Replays", replays.create(Screen.REPLAYS)),
                    new Tab("Rollback", RolloutsScreen.build(wizard, ZoneOffset.UTC)),
                    new Tab("Canary", CanaryScreen.build(canaries(), executor, FxHandoff.frames(),
                            Duration.ofMillis(200), ZoneOffset.UTC, new AlertCenter(Clock.systemUTC(), 100))),
                    new Tab("Trust", TrustScreen.build(trust, executor, operations::start, NO_ALERTS,
                            ZoneOffset.UTC)));
            stage = new Stage();
            stage.setScene(new Scene(tabs, 1400, 900));
            stage.show();
        });
        Parent root = OnFx.read(() -> stage.getScene().getRoot());
        OnFx.read(() -> {
            assertOff(root, "startButton");
            assertOff(root, "resumeButton");
            assertOff(root, "executeButton");
            assertOff(root, "goForwardButton");
            for (String id : List.of("preflightButton", "pauseButton", "resumeButton", "promoteButton",
                    "abortButton")) {
                assertOff((Parent) ((TabPane) root).getTabs().get(2).getContent(), id);
            }
            assertOff((Parent) ((TabPane) root).getTabs().get(2).getContent(), "startButton");
            return null;
        });

        // the trust screen: once a group is chosen, Fix… says the connection is read-only
        TableView<TrustRow> table = OnFx.read(() -> (TableView<TrustRow>) ((Parent) ((TabPane) root).getTabs()
                .get(3).getContent()).lookup("#trustTable"));
        Await.until("the groups listed", Duration.ofSeconds(30), () -> OnFx.read(() -> !table.getItems().isEmpty()));
        robot.interact(() -> table.getSelectionModel().select(0));
        OnFx.read(() -> {
            assertOff((Parent) ((TabPane) root).getTabs().get(3).getContent(), "fixButton");
            return null;
        });
        assertThat(fx.engine().find(initech).orElseThrow().phase()).isEqualTo(CanaryPhase.RUNNING);
    }

    @Test
    void theViewModelsRefuseWhenCalledAnywayAndNothingChanges() throws Exception {
        int mainReplicas = fx.replicas(initech);

        // Canary: the running canary is only followed; pause, abort and a new start change nothing
        CanaryViewModel canary = new CanaryViewModel(canaries().engine(), new DirectExecutor(),
                FxHandoff.immediate(), Duration.ofHours(1), ZoneOffset.UTC);
        assertThat(canary.access().readOnlyProperty().get()).isEqualTo(WHY);
        canary.workloadProperty().set(initech);
        assertThat(canary.canAbortProperty().get()).isFalse();
        canary.pause();
        assertThat(canary.messageProperty().get()).contains("refused: " + WHY);
        canary.abort();
        assertThat(canary.messageProperty().get()).contains("refused: " + WHY);
        canary.refresh();
        assertThat(canary.messageProperty().get()).isEqualTo("\u2139 Following only: " + WHY + ".");
        WorkloadRef acme = fx.workload(DemoFleet.namespaceOf("acme"), DemoFleet.workloadOf("acme"));
        canary.workloadProperty().set(acme);
        canary.form().imageProperty().set(CanaryDemoFixture.REPOSITORY + "0.88.1");
        canary.startCanary();
        assertThat(canary.messageProperty().get()).contains("refused: " + WHY);
        assertThat(fx.object(acme, acme.name() + "-canary")).isNull();
        assertThat(fx.engine().find(initech).orElseThrow().phase()).isEqualTo(CanaryPhase.RUNNING);
        assertThat(fx.replicas(initech)).isEqualTo(mainReplicas);

        // Replays: start and resume say why and send nothing
        ReplaysViewModel replays = new ReplaysViewModel(fx.backends.platformRuns(profile),
                new dev.pitwall.ops.replay.ReplayPlanner(Clock.systemUTC(), Duration.ofDays(30)),
                fx.backends.replayFiles(), new dev.pitwall.ops.replay.ReplayRuns(readOnly,
                source -> fx.backends.replayTarget(profile, source)), () -> null, fx.backends.auditLog(), "night",
                new DirectExecutor(), task -> {
                    throw new AssertionError("no operation may start: " + task.getTitle());
                });
        assertThat(replays.start()).isFalse();
        assertThat(replays.messageProperty().get()).isEqualTo("Refused: " + WHY + "; nothing was sent.");
        replays.resume(new ReplaysViewModel.JournalRow(state.resolve("x.journal.jsonl"), "p", "interrupted", 1, 0,
                0, 0, true, ""));
        assertThat(replays.messageProperty().get()).isEqualTo("Refused: " + WHY + "; nothing was sent.");
        assertThat(fx.demo.platform().runs().stream().mapToInt(r -> fx.demo.platform().retryCount(r.id())).sum())
                .isZero();

        // Trust: the fix is blocked with the reason, and its apply is refused by the guard
        TrustSession trust = trust();
        TrustViewModel model = new TrustViewModel(trust, new DirectExecutor(), FxHandoff.immediate(),
                new dev.pitwall.ops.trust.DriftWatch(NO_ALERTS), task -> {
                    throw new AssertionError("no operation may start");
                }, ZoneOffset.UTC, "night");
        GroupTrust globex = trust.engine().evaluate(trust.policy().policyOrEmpty()).groups().stream()
                .filter(g -> "wg-globex".equals(g.group())).findFirst().orElseThrow();
        assertThat(model.whyNoFix(new TrustRow(globex, "", "", "", "", "", "", "", "", "", ""))).isEqualTo(WHY);
        var plan = trust.fixer().plan(globex, dev.pitwall.model.ExecutionMode.SANDBOX_PROCESS, "night");
        assertThat(plan.blockedReason()).isEqualTo(WHY + ": no change is offered");
        String before = fx.demo.kube().client().apps().deployments().inNamespace(globex.namespace())
                .withName(globex.workload().name()).get().getMetadata().getResourceVersion();
        assertThatThrownBy(() -> trust.fixer().apply(plan, Confirmer.yes()))
                .hasMessageContaining("no change is offered");
        assertThat(fx.demo.kube().client().apps().deployments().inNamespace(globex.namespace())
                .withName(globex.workload().name()).get().getMetadata().getResourceVersion()).isEqualTo(before);
        assertThatThrownBy(() -> readOnly.admit(dev.pitwall.model.BackendKind.KUBERNETES))
                .isInstanceOf(WriteRefused.class).hasMessage("refused: " + WHY);
    }
}
