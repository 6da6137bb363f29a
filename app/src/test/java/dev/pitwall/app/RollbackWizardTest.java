package dev.pitwall.app;

import dev.pitwall.demo.DemoEnvironment;
import dev.pitwall.demo.scenario.Scenario;
import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.demo.world.ImageBehaviour;
import dev.pitwall.demo.world.SimClock;
import dev.pitwall.files.HashChainedAuditLog;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.alert.AlertCenter;
import dev.pitwall.ops.audit.AuditEntry;
import dev.pitwall.ops.connect.BackendHealthMonitor;
import dev.pitwall.ops.exec.PooledExecutor;
import dev.pitwall.ops.fleet.FleetEngine;
import dev.pitwall.ops.guard.WriteGuard;
import dev.pitwall.ops.trust.TrustSession;
import dev.pitwall.testing.Await;
import dev.pitwall.testing.OnFx;
import dev.pitwall.testing.Typing;
import dev.pitwall.ui.operations.OperationsPanel;
import dev.pitwall.ui.operations.OperationsViewModel;
import dev.pitwall.ui.rollback.CheckRow;
import dev.pitwall.ui.rollback.DiffRow;
import dev.pitwall.ui.rollback.RollbackWizardViewModel;
import dev.pitwall.ui.rollback.WorkloadRow;
import dev.pitwall.ui.shell.Screen;
import dev.pitwall.ui.shell.ShellViewModel;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rollback wizard walked on the demo incident, through the real adapters and the same wiring as the console:
 * the shared workers are chosen, the diff names the bad image, the preflight passes, the production profile asks for
 * the typed name, the rollback runs as an operation and verifies while the demo's clock moves, everything is audited,
 * and the summary opens the replay planner prefilled with the incident window.
 */
@ExtendWith(ApplicationExtension.class)
class RollbackWizardTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String STABLE = ImageBehaviour.IMAGE_REPOSITORY + ":" + ImageBehaviour.STABLE_TAG;

    @TempDir
    static Path state;

    private static DemoEnvironment demo;
    private static final PooledExecutor executor = new PooledExecutor(4);
    private static final List<AutoCloseable> resources = new ArrayList<>();
    private static FleetEngine fleet;
    private static ConnectionProfile production;
    private static Backends backends;
    private static TrustSession trust;
    private static WriteGuard guard;
    private RollbackWizardViewModel wizard;
    private ShellViewModel shell;
    private OperationsViewModel operations;
    private Node replaysView;

    /** The demo, the fleet and the trust session start before the stage (the stage's setup has a time bound). */
    @BeforeAll
    static void startIncident() throws Exception {
        demo = DemoEnvironment.start(new DemoEnvironment.Options(Scenario.INCIDENT, 42, 0, SimClock.EPOCH));
        demo.advance(Duration.ofMinutes(20));
        Path policy = state.resolve("trust.yaml");
        Files.writeString(policy, "version: 1\ngroups:\n  shared:\n    executionMode: SANDBOX_CODE_AND_PROCESS\n");
        ConnectionProfile base = demo.profile();
        production = new ConnectionProfile("incident (production)", base.kubeconfig(), base.kubeContext(),
                base.namespaceSelector(), base.workerSelector(), base.namespaces(), base.redisUrl(),
                base.redisPasswordEnv(), base.platformUrl(), base.platformKeyEnv(), false, true, policy.toString());
        backends = new Backends(ref -> Optional.of(demo.platformKey()), state);
        Clock clock = Clock.systemUTC();
        fleet = new FleetEngine(backends.fleetSources(production), executor, clock,
                new AlertCenter(clock, 1_000), new BackendHealthMonitor(production, List.of(), clock),
                FleetEngine.Settings.defaults().immediate());
        try {
            fleet.startWatch().get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the watch did not sync in 60 s; feeds: " + fleet.latest().feeds(), e);
        }
        fleet.readVolumes();
        fleet.snapshotNow().get(30, TimeUnit.SECONDS);
        guard = TestGuards.of(production, backends);
        trust = TrustSessions.open(production, null, backends.secrets(), backends.auditLog(), guard, clock);
        resources.add(trust);
    }

    @Start
    void start(Stage stage) {
        Clock clock = Clock.systemUTC();
        shell = new ShellViewModel(production.name(), false);
        operations = new OperationsViewModel(r -> executor.run(r), clock);
        ReplayScreens replays = new ReplayScreens(production, backends, executor, operations, shell, guard, clock);
        // verification waits by moving the demo's clock, so that the rollout progresses without real waiting
        RollbackWizardViewModel.Verify verify = new RollbackWizardViewModel.Verify(Duration.ofHours(2),
                Duration.ofMinutes(1), step -> demo.advance(step));
        wizard = RolloutsScreen.rollbackWizard(RolloutsScreen.rollbackPorts(production, backends, trust,
                fleet::latest, verify, replays::planWindow, guard, clock, resources::add), executor, operations::start,
                java.time.ZoneOffset.UTC);
        // the two screens as the shell holds them: selecting a screen shows it
        replaysView = replays.create(Screen.REPLAYS);
        TabPane screens = new TabPane(new Tab("Rollouts", RolloutsScreen.build(wizard, java.time.ZoneOffset.UTC)),
                new Tab("Replays", replaysView));
        shell.screenProperty().addListener((obs, old, now) ->
                screens.getSelectionModel().select(now == Screen.REPLAYS ? 1 : 0));
        VBox.setVgrow(screens, Priority.ALWAYS);
        // within the headless screen (1280x800), so that every click lands
        Scene scene = new Scene(new VBox(screens, new OperationsPanel(operations)), 1260, 780);
        // the war-room palette: its large type is the hardest on the layout, and every click must still land
        scene.getStylesheets().addAll(dev.pitwall.ui.shell.Theme.WAR_ROOM.stylesheets());
        stage.setScene(scene);
        stage.show();
    }

    @AfterAll
    static void stop() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                // closing a client of a demo about to stop
            }
        }
        fleet.close();
        executor.close();
        demo.close();
    }

    /** Clicks the wizard's next button and waits for the step it leads to. */
    private void next(FxRobot robot, RollbackWizardViewModel.Step expected) {
        robot.clickOn("#nextButton");
        await(robot, "step " + expected, WAIT, () -> OnFx.read(() -> wizard.stepProperty().get()) == expected);
    }

    /** Waits for the wizard; a timeout says what the wizard was saying. */
    private void await(FxRobot robot, String what, Duration timeout, java.util.function.BooleanSupplier done) {
        try {
            Await.until(what, timeout, done);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the wizard says: " + OnFx.read(() ->
                    wizard.stepProperty().get() + ": " + wizard.messageProperty().get() + " "
                            + wizard.outcomeProperty().get()), e);
        }
    }

    private static int row(TableView<WorkloadRow> workloads, String namespace) {
        for (int i = 0; i < workloads.getItems().size(); i++) {
            if (workloads.getItems().get(i).ref().namespace().equals(namespace)) {
                return i;
            }
        }
        throw new AssertionError("no workload in " + namespace);
    }

    @SuppressWarnings("unchecked")
    private static long sum(TableView<?> table) {
        return table.getItems().stream().mapToLong(e -> ((java.util.Map.Entry<String, Long>) e).getValue()).sum();
    }

    @Test
    void theWizardRollsTheSharedWorkersBackVerifiesAndOpensTheReplayOfTheIncidentWindow(FxRobot robot) throws Exception {
        TableView<WorkloadRow> workloads = robot.lookup("#workloadTable").queryTableView();
        await(robot, "the worker workloads listed", WAIT, () -> OnFx.read(() -> workloads.getItems().size()) == 4);
        // the flipped customer's workers: rolling them back changes their execution mode, shown as a trust change
        int flipped = OnFx.read(() -> row(workloads, DemoFleet.namespaceOf(DemoFleet.FLIPPED_CUSTOMER)));
        robot.interact(() -> workloads.getSelectionModel().select(flipped));
        next(robot, RollbackWizardViewModel.Step.TARGET);
        TableView<DiffRow> diff = robot.lookup("#diffTable").queryTableView();
        await(robot, "the trust change in the diff", WAIT, () -> OnFx.read(() -> diff.getItems().stream()
                .anyMatch(DiffRow::trust)));
        assertThat(OnFx.read(() -> List.copyOf(diff.getItems()))).filteredOn(DiffRow::trust).singleElement()
                .satisfies(d -> {
                    assertThat(d.marker()).isEqualTo(DiffRow.TRUST);
                    assertThat(d.before()).isEqualTo("SANDBOX_CODE_ONLY");
                });
        Label trustNote = robot.lookup("#trustNoteLabel").queryAs(Label.class);
        assertThat(OnFx.read(() -> trustNote.isVisible() ? trustNote.getText() : "")).startsWith("\u26A0 Trust "
                + "change: this rollback changes the execution mode (SANDBOX_CODE_ONLY \u2192 ");
        robot.clickOn("#backButton");
        await(robot, "back to the workloads", WAIT, () -> OnFx.read(() -> wizard.stepProperty().get())
                == RollbackWizardViewModel.Step.WORKLOAD);

        int shared = OnFx.read(() -> row(workloads, DemoFleet.SHARED_NAMESPACE));
        WorkloadRow row = OnFx.read(() -> workloads.getItems().get(shared));
        assertThat(row.images()).endsWith(ImageBehaviour.INCIDENT_TAG);
        robot.interact(() -> workloads.getSelectionModel().select(shared));
        next(robot, RollbackWizardViewModel.Step.TARGET);

        // the target defaults to the previous revision, and the diff names the bad image
        await(robot, "the diff", WAIT, () -> OnFx.read(() -> diff.getItems().stream()
                .anyMatch(d -> d.area().equals("image"))));
        ComboBox<?> target = robot.lookup("#targetChooser").queryComboBox();
        assertThat(OnFx.read(() -> ((dev.pitwall.ops.rollback.Revision) target.getValue()).number()))
                .isEqualTo(row.revision() - 1);
        assertThat(OnFx.read(() -> List.copyOf(diff.getItems()))).anySatisfy(d -> {
            assertThat(d.area()).isEqualTo("image");
            assertThat(d.before()).endsWith(ImageBehaviour.INCIDENT_TAG);
            assertThat(d.after()).isEqualTo(STABLE);
        });
        Instant incidentStart;
        try (var cluster = new dev.pitwall.kube.KubeRollbackCluster(dev.pitwall.kube.KubeClients.open(demo.profile()))) {
            incidentStart = cluster.history(row.ref()).stream().filter(r -> r.number() == row.revision())
                    .findFirst().orElseThrow().createdAt();
        }
        assertThat(robot.lookup("#nextButton").queryButton().getText()).isEqualTo("Run preflight");
        next(robot, RollbackWizardViewModel.Step.PREFLIGHT);
        TableView<CheckRow> preflight = robot.lookup("#preflightTable").queryTableView();
        await(robot, "the preflight", WAIT, () -> OnFx.read(() -> !preflight.getItems().isEmpty()));
        List<CheckRow> checks = OnFx.read(() -> List.copyOf(preflight.getItems()));
        assertThat(checks).noneMatch(CheckRow::failed)
                .anyMatch(c -> c.state().equals(CheckRow.PASSED) && c.check().equals("access")
                        && c.detail().contains("patch statefulsets ap-shared/activepieces-worker"))
                .anyMatch(c -> c.check().equals("dry run") && c.detail().startsWith("dry run accepted: write the "
                        + "target pod template"))
                .anyMatch(c -> c.check().equals("volume") && c.detail().startsWith(DemoFleet.SHARED_REPLICAS + " cache volumes"))
                .anyMatch(c -> c.check().equals("trust") && c.state().equals(CheckRow.PASSED)
                        && c.detail().contains("SANDBOX_CODE_AND_PROCESS"));

        next(robot, RollbackWizardViewModel.Step.CONFIRM);
        Button execute = robot.lookup("#executeButton").queryButton();
        assertThat(execute.isDisabled()).isTrue();
        assertThat(robot.lookup("#disabledLabel").queryAs(Label.class).getText())
                .contains("type pitwall-demo/ap-shared/activepieces-worker exactly");
        Typing.write(robot.clickOn("#confirmField"), "pitwall-demo/ap-shared/activepieces-work");
        assertThat(execute.isDisabled()).isTrue();
        Typing.write(robot, "er");
        assertThat(execute.isDisabled()).as(() -> OnFx.read(() -> robot.lookup("#confirmField")
                .queryAs(TextField.class).getText() + " / " + robot.lookup("#disabledLabel")
                .queryAs(Label.class).getText())).isFalse();
        robot.clickOn("#executeButton");

        await(robot, "the rollback verified", Duration.ofSeconds(180), () -> OnFx.read(() ->
                wizard.outcomeProperty().get().startsWith("\u2714 Verified")));
        TableView<CheckRow> verification = robot.lookup("#verifyTable").queryTableView();
        assertThat(OnFx.read(() -> List.copyOf(verification.getItems()))).extracting(CheckRow::state)
                .hasSize(5).containsOnly(CheckRow.PASSED);
        await(robot, "the operation listed as succeeded", WAIT, () -> OnFx.read(() ->
                operations.entries().get(0).stateProperty().get()).equals("done"));
        assertThat(new HashChainedAuditLog(state.resolve("audit.jsonl")).entries()).extracting(AuditEntry::action)
                .containsSubsequence("rollback.plan.captured", "rollback.plan.tested", "rollback.confirmed",
                        "rollback.plan.tested", "rollback.executed", "rollback.verified");

        robot.clickOn("#replayButton");
        await(robot, "the Replays screen selected", WAIT, () -> OnFx.read(() -> shell.screenProperty().get())
                == Screen.REPLAYS);
        long failedSince = demo.platform().runs().stream().filter(r -> !r.created().isBefore(incidentStart))
                .filter(r -> r.status().name().equals("FAILED") || r.status().name().equals("INTERNAL_ERROR"))
                .count();
        assertThat(failedSince).isPositive();
        Label replayMessage = robot.from(replaysView).lookup("#messageLabel").queryAs(Label.class);
        await(robot, "the replay planned for the window", WAIT, () -> OnFx.read(replayMessage::getText)
                .startsWith("Plan "));
        long planned = OnFx.read(() -> sum(robot.from(replaysView).lookup("#groupTable").queryTableView()));
        long excluded = OnFx.read(() -> sum(robot.from(replaysView).lookup("#exclusionTable").queryTableView()));
        assertThat(planned).isPositive();
        assertThat(planned + excluded).as("every run failed since the first bad revision, planned or excluded with "
                + "a reason").isEqualTo(failedSince);
    }
}
