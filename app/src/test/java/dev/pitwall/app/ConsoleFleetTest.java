package dev.pitwall.app;

import dev.pitwall.demo.KubeMockCluster;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.testing.Await;
import dev.pitwall.testing.KubeMockExtension;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.pitwall.testing.WorkerObjects.deploymentPod;
import static dev.pitwall.testing.WorkerObjects.namespace;
import static org.assertj.core.api.Assertions.assertThat;

/** The console on a cluster: the Fleet screen is live, and a crash-looping worker raises the header's alert badge. */
@ExtendWith({ApplicationExtension.class, KubeMockExtension.class})
class ConsoleFleetTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final ConsoleWorld world = ConsoleWorld.withoutDemo();

    @Test
    void theFleetScreenShowsTheClustersWorkersAndTheAlertsReachTheHeader(FxRobot robot, KubeMockCluster cluster) {
        cluster.client().namespaces().resource(namespace("ap-shared", Map.of())).create();
        Pod looping = deploymentPod("ap-shared", "activepieces-worker", "7d4c8", "k2x9q", "10.30.0.1", "node-1",
                "0.88.0-nextgen").build();
        looping.getStatus().setContainerStatuses(List.of(new ContainerStatusBuilder().withName("activepieces")
                .withRestartCount(4).withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting()
                .endState().build()));
        cluster.client().pods().resource(looping).create();
        cluster.client().pods().resource(deploymentPod("ap-shared", "activepieces-worker", "7d4c8", "m3n4p",
                "10.30.0.2", "node-1", "0.88.0-nextgen").build()).create();

        ConnectionProfile profile = new ConnectionProfile("mock", cluster.kubeconfig().toString(),
                KubeMockCluster.CONTEXT, null, null, List.of(), null, null, null, null, true, false, null);
        world.open(profile);

        Await.until("two workers in the Fleet table", WAIT, () -> {
            int[] size = new int[1];
            robot.interact(() -> size[0] = robot.lookup(".fleet-table").tryQuery()
                    .map(t -> ((TableView<?>) t).getItems().size()).orElse(0));
            return size[0] == 2;
        });
        Await.until("the crash-loop in the header", WAIT, () -> robot.lookup("#alertsButton").queryAs(Button.class)
                .getText().startsWith("\u2716 1 critical"));
        Await.until("Kubernetes connected in the status bar", WAIT, () -> robot.lookup("#status-kubernetes")
                .queryAs(Label.class).getText().endsWith("Kubernetes: connected"));
        assertThat(robot.lookup("#summaryLabel").queryAs(Label.class).getText())
                .isEqualTo("2 of 2 workers in 1 namespace");
    }
}
