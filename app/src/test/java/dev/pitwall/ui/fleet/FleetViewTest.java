package dev.pitwall.ui.fleet;

import dev.pitwall.model.NamespaceSummary;
import dev.pitwall.ops.alert.AlertCenter;
import dev.pitwall.ops.exec.PooledExecutor;
import dev.pitwall.ops.fleet.ClusterEvent;
import dev.pitwall.ops.fleet.EnvVar;
import dev.pitwall.ops.fleet.FleetEngine;
import dev.pitwall.ops.fleet.FleetSources;
import dev.pitwall.ops.fleet.WorkloadState;
import dev.pitwall.testing.Await;
import dev.pitwall.testing.FleetFakes;
import dev.pitwall.testing.MutableClock;
import dev.pitwall.testing.Typing;
import dev.pitwall.ui.shell.Theme;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static dev.pitwall.testing.FleetFakes.heartbeat;
import static dev.pitwall.testing.FleetFakes.pod;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class FleetViewTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.parse("2026-11-27T23:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final FleetFakes.Cluster cluster = new FleetFakes.Cluster();
    private final FleetFakes.Heartbeats heartbeats = new FleetFakes.Heartbeats();
    private final PooledExecutor executor = new PooledExecutor(2);
    private FleetEngine engine;

    @Start
    void start(Stage stage) {
        engine = FleetFakes.engine(new FleetSources(cluster, new FleetFakes.Volumes(), heartbeats, null, null),
                executor, clock, new AlertCenter(clock, 100));
        engine.startWatch().join();
        Node screen = FleetScreen.create(new FleetViewModel(engine, executor, ZoneOffset.UTC), ZoneOffset.UTC);
        Scene scene = new Scene((javafx.scene.Parent) screen, 1600, 900);
        scene.getStylesheets().setAll(Theme.LIGHT.stylesheets());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        engine.close();
        executor.close();
    }

    private void fleet() {
        cluster.pods(pod("ap-shared", "activepieces-worker-5d9f-aaaaa").restarts(2, "Error").ip("10.0.0.1").build(),
                pod("ap-shared", "activepieces-worker-5d9f-bbbbb").restarts(9, "Error").waiting("CrashLoopBackOff")
                        .build(),
                pod("ap-shared", "activepieces-worker-5d9f-ccccc").build(),
                pod("ap-dedicated-acme", "activepieces-worker-acme-0").restarts(1, "OOMKilled")
                        .statefulSet("activepieces-worker-acme", "activepieces-worker-acme-7c4b")
                        .env(EnvVar.literal("AP_WORKER_GROUP_ID", "wg-acme"))
                        .env(EnvVar.literal("AP_API_KEY", "sk-live-do-not-show"))
                        .env(EnvVar.reference("AP_POSTGRES_PASSWORD", EnvVar.Kind.SECRET_REF,
                                "secret ap-db/password")).build(),
                pod("ap-dedicated-globex", "activepieces-worker-globex-0").restarts(5, "Error")
                        .env(EnvVar.literal("AP_WORKER_GROUP_ID", "wg-globex")).build());
    }

    @SuppressWarnings("unchecked")
    private TableView<FleetItem> table(FxRobot robot) {
        return robot.lookup(".fleet-table").queryAs(TableView.class);
    }

    /** The table's lines, read on the FX thread (which changes them). */
    private List<FleetItem> items(FxRobot robot) {
        List<FleetItem> out = new java.util.ArrayList<>();
        robot.interact(() -> out.addAll(table(robot).getItems()));
        return out;
    }

    private List<String> pods(FxRobot robot) {
        return items(robot).stream().map(r -> r.row().worker().pod()).toList();
    }

    private void awaitRows(FxRobot robot, int n) {
        Await.until(n + " rows", WAIT, () -> items(robot).size() == n);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void sortsOnAColumnHeaderClickBothWays(FxRobot robot) {
        fleet();
        awaitRows(robot, 5);
        assertThat(pods(robot)).as("namespace, then pod, by default").containsExactly("activepieces-worker-acme-0",
                "activepieces-worker-globex-0", "activepieces-worker-5d9f-aaaaa", "activepieces-worker-5d9f-bbbbb",
                "activepieces-worker-5d9f-ccccc");

        robot.clickOn("#col-restarts");
        Await.until("ascending restarts", WAIT, () -> pods(robot).get(0).equals("activepieces-worker-5d9f-ccccc"));
        assertThat(items(robot)).extracting(r -> r.row().worker().restarts()).containsExactly(0, 1, 2, 5, 9);

        robot.clickOn("#col-restarts");
        Await.until("descending restarts", WAIT, () -> pods(robot).get(0).equals("activepieces-worker-5d9f-bbbbb"));
        assertThat(items(robot)).extracting(r -> r.row().worker().restarts()).containsExactly(9, 5, 2, 1, 0);
    }

    @Test
    void everyColumnSorts(FxRobot robot) {
        fleet();
        awaitRows(robot, 5);
        for (TableColumn<FleetItem, ?> column : table(robot).getColumns()) {
            FleetColumn c = (FleetColumn) column.getUserData();
            robot.interact(() -> {
                column.setVisible(true);
                table(robot).getSortOrder().setAll(List.of(column));
            });
            Await.until("sorted by " + c, WAIT, () -> isSorted(items(robot), c));
        }
    }

    private static boolean isSorted(List<FleetItem> items, FleetColumn c) {
        for (int i = 1; i < items.size(); i++) {
            if (c.order().compare(items.get(i - 1).row(), items.get(i).row()) > 0) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theFilterMatchesAnyColumnAndTheSummarySaysHowMany(FxRobot robot) {
        fleet();
        awaitRows(robot, 5);
        Typing.write(robot.clickOn(".fleet-filter"), "acme");
        awaitRows(robot, 1);
        assertThat(pods(robot)).containsExactly("activepieces-worker-acme-0");
        assertThat(robot.lookup("#summaryLabel").queryAs(Label.class).getText())
                .isEqualTo("1 of 5 workers in 3 namespaces");

        robot.interact(() -> robot.lookup(".fleet-filter").queryAs(TextField.class).setText("crashloop"));
        awaitRows(robot, 1);
        assertThat(pods(robot)).containsExactly("activepieces-worker-5d9f-bbbbb");

        robot.interact(() -> robot.lookup(".fleet-filter").queryAs(TextField.class).setText("OOMKilled wg-acme"));
        awaitRows(robot, 1);
        robot.interact(() -> robot.lookup(".fleet-filter").queryAs(TextField.class).setText("Error ap-shared"));
        awaitRows(robot, 2);
        robot.interact(() -> robot.lookup(".fleet-filter").queryAs(TextField.class).setText(""));
        awaitRows(robot, 5);
    }

    @Test
    void theDetailPaneShowsTheSelectedPodWithSecretsMasked(FxRobot robot) {
        fleet();
        awaitRows(robot, 5);
        robot.clickOn("activepieces-worker-acme-0");
        Await.until("detail title", WAIT, () -> robot.lookup("#detailTitle").queryAs(Label.class).getText()
                .startsWith("ap-dedicated-acme/activepieces-worker-acme-0"));
        robot.clickOn("Env");
        @SuppressWarnings("unchecked")
        TableView<EnvVar> env = robot.lookup(".detail-env").queryAs(TableView.class);
        Await.until("env shown", WAIT, () -> env.getItems().size() >= 4);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".detail-env .table-cell").queryAllAs(javafx.scene.control.TableCell.class))
                .extracting(c -> String.valueOf(c.getText()))
                .contains("AP_API_KEY", EnvVar.MASK, "AP_POSTGRES_PASSWORD", "(secret)", "wg-acme")
                .noneMatch(t -> t.contains("sk-live"));

        // the selection follows the pod through a re-sort
        robot.clickOn("#col-restarts");
        Await.until("re-sorted", WAIT, () -> pods(robot).get(0).equals("activepieces-worker-5d9f-ccccc"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table(robot).getSelectionModel().getSelectedItem().row().worker().pod())
                .isEqualTo("activepieces-worker-acme-0");
    }

    @Test
    void namespaceWorkloadAndPodNamesAreShownWholeNotCutShort(FxRobot robot) {
        fleet();
        awaitRows(robot, 5);
        List<String> cut = new java.util.ArrayList<>();
        robot.interact(() -> {
            for (var cell : robot.lookup(".fleet-table .table-cell").queryAllAs(javafx.scene.control.TableCell.class)) {
                Object column = cell.getTableColumn() == null ? null : cell.getTableColumn().getUserData();
                if (column != FleetColumn.NAMESPACE && column != FleetColumn.WORKLOAD && column != FleetColumn.POD
                        || cell.getText() == null || cell.getText().isEmpty()) {
                    continue;
                }
                // the skin draws the cell's text in a Text node, shortened with an ellipsis when it does not fit
                String drawn = cell.lookupAll(".text").stream().filter(n -> n instanceof javafx.scene.text.Text)
                        .map(n -> ((javafx.scene.text.Text) n).getText()).findFirst().orElse("");
                if (!drawn.equals(cell.getText())) {
                    cut.add(cell.getText() + " drawn as " + drawn);
                }
            }
        });
        assertThat(cut).isEmpty();
    }

    @Test
    void theColumnChooserShowsAHiddenColumn(FxRobot robot) {
        fleet();
        awaitRows(robot, 5);
        TableView<FleetItem> table = table(robot);
        assertThat(table.isTableMenuButtonVisible()).isTrue();
        TableColumn<FleetItem, ?> image = table.getColumns().stream().filter(c -> c.getUserData() == FleetColumn.IMAGE)
                .findFirst().orElseThrow();
        assertThat(image.isVisible()).isFalse();
        robot.clickOn(robot.lookup(".fleet-table .show-hide-columns-button").queryAs(Node.class));
        robot.clickOn("Image");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(image.isVisible()).isTrue();
    }

    @Test
    void unknownCellsSayUnknownAndStaleFeedsSayStaleSince(FxRobot robot) {
        cluster.pods(pod("ap-shared", "w-1").ip("10.0.0.1").build(), pod("ap-shared", "w-2").noStatus().build());
        heartbeats.set(heartbeat("w1", "10.0.0.1", "UNSANDBOXED", "0.87.3", NOW, 1, 5));
        engine.readHeartbeats();
        awaitRows(robot, 2);
        assertThat(cellTexts(robot, "#col-phase")).contains("unknown", "Running");

        clock.advance(Duration.ofSeconds(5));
        heartbeats.fail("Connection refused");
        engine.readHeartbeats();
        Await.until("stale banner", WAIT, () -> robot.lookup("#staleLabel").queryAs(Label.class).getText()
                .contains("Heartbeats stale since 23:00:00 (Connection refused)"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cellTexts(robot, "#col-cpu")).anyMatch(t -> t.equals("43%  \u26A0 stale since 23:00:00"));
        assertThat(cellTexts(robot, "#col-phase")).noneMatch(t -> t.contains("stale"));
    }

    @Test
    void theNamespacesTabSummarisesEachNamespace(FxRobot robot) {
        fleet();
        cluster.emit(new ClusterEvent.WorkloadChanged(new WorkloadState("Deployment", "ap-shared",
                "activepieces-worker", 8, 3)));
        awaitRows(robot, 5);
        robot.clickOn("Namespaces");
        @SuppressWarnings("unchecked")
        TableView<NamespaceRow> namespaces = robot.lookup(".namespaces-table").queryAs(TableView.class);
        Await.until("3 namespaces", WAIT, () -> {
            int[] size = new int[1];
            robot.interact(() -> size[0] = namespaces.getItems().size());
            return size[0] == 3;
        });
        List<NamespaceRow> rows = new java.util.ArrayList<>();
        robot.interact(() -> rows.addAll(namespaces.getItems()));
        NamespaceRow shared = rows.stream().filter(r -> r.name().equals("ap-shared")).findFirst().orElseThrow();
        assertThat(shared.kind()).isEqualTo("shared");
        assertThat(shared.workloads()).isEqualTo("activepieces-worker 3/8 \u26A0");
        assertThat(shared.failedRuns()).isEqualTo("unknown: platform not configured");
        NamespaceRow acme = rows.stream().filter(r -> r.name().equals("ap-dedicated-acme")).findFirst()
                .orElseThrow();
        assertThat(acme.kind()).isEqualTo("dedicated: wg-acme");
        assertThat(acme.summary().access()).isEqualTo(NamespaceSummary.Access.LIVE);
    }

    private static List<String> cellTexts(FxRobot robot, String column) {
        TableView<?> table = robot.lookup(".fleet-table").queryAs(TableView.class);
        TableColumn<?, ?> col = null;
        for (TableColumn<?, ?> c : table.getColumns()) {
            if (("#" + c.getId()).equals(column)) {
                col = c;
            }
        }
        TableColumn<?, ?> wanted = col;
        return robot.lookup(".fleet-cell").queryAllAs(FleetCell.class).stream()
                .filter(c -> c.getTableColumn() == wanted && c.getText() != null).map(FleetCell::getText).toList();
    }
}
