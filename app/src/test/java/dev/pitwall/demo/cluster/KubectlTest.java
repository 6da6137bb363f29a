package dev.pitwall.demo.cluster;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** kubectl, pointed at the demo cluster's kubeconfig, reads it as it would read a real cluster. */
class KubectlTest {

    private static SimulatedCluster world;

    @BeforeAll
    static void start() {
        assumeTrue(kubectlInstalled(), "kubectl is not installed");
        world = SimulatedCluster.start(9);
        world.client.apps().deployments().inNamespace("ap-dedicated-initech").withName("activepieces-worker-initech")
                .edit(d -> {
                    d.getSpec().getTemplate().getSpec().getContainers().get(0)
                            .setImage("ghcr.io/activepieces/activepieces:0.87.3-bad-cache");
                    return d;
                });
        world.client.pods().inNamespace("ap-shared").withName("activepieces-worker-5").delete();
        world.advance(Duration.ofMinutes(50));
    }

    @AfterAll
    static void close() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void getPodsListsEveryWorkerPodWithItsReadinessStatusAndRestarts() {
        String out = kubectl("get", "pods", "-A");
        assertThat(out.lines().findFirst().orElseThrow()).contains("NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS",
                "AGE");
        for (int ordinal = 0; ordinal < 8; ordinal++) {
            assertThat(out).containsPattern("ap-shared +activepieces-worker-" + ordinal + " +1/1 +Running +0 ");
        }
        assertThat(out).containsPattern("ap-dedicated-acme +activepieces-worker-acme-\\w+-\\w{5} +1/1 +Running")
                .containsPattern("ap-dedicated-globex +activepieces-worker-globex-\\w+-\\w{5} +1/1 +Running")
                .containsPattern("activepieces-worker-initech-\\w+-\\w{5} +\\d/1 +\\w+ +[1-9]\\d* \\(");
        assertThat(out).as("ages on the cluster's clock").containsPattern("activepieces-worker-5 +1/1 +Running +0 +(49|50)m");
        assertThat(out.lines().skip(1)).hasSize(14);
    }

    @Test
    void getWorkloadsShowsReadyAndUpToDateReplicas() {
        String out = kubectl("get", "deploy,sts", "-A");
        assertThat(out).containsPattern("ap-dedicated-acme +deployment.apps/activepieces-worker-acme +2/2 +2 +2 ")
                .containsPattern("ap-shared +statefulset.apps/activepieces-worker +8/8 ");
    }

    @Test
    void getEventsShowsWhatTheControllersAndKubeletsDid() {
        String out = kubectl("get", "events", "-n", "ap-shared");
        assertThat(out).contains("Killing", "pod/activepieces-worker-5", "Stopping container worker",
                "SuccessfulCreate", "statefulset/activepieces-worker", "Scheduled", "Started");
        String crashes = kubectl("get", "events", "-n", "ap-dedicated-initech");
        assertThat(crashes).contains("BackOff", "Back-off restarting failed container worker", "VolumeFull");
    }

    @Test
    void rolloutHistoryListsTheRevisionsWithTheirChangeCauses() {
        String deployment = kubectl("rollout", "history", "deployment/activepieces-worker-globex",
                "-n", "ap-dedicated-globex");
        assertThat(deployment).containsPattern("1 +helm upgrade .*image.tag=0.86.1")
                .containsPattern("2 +helm upgrade .*image.tag=0.87.0")
                .containsPattern("3 +kubectl set env .*AP_EXECUTION_MODE=SANDBOX_PROCESS")
                .containsPattern("4 +helm upgrade .*image.tag=0.87.3");
        String set = kubectl("rollout", "history", "statefulset/activepieces-worker", "-n", "ap-shared");
        assertThat(set).containsPattern("1 +helm upgrade .*image.tag=0.86.1")
                .containsPattern("3 +helm upgrade .*image.tag=0.87.3");
        String revision = kubectl("rollout", "history", "deployment/activepieces-worker-globex",
                "-n", "ap-dedicated-globex", "--revision=2");
        assertThat(revision).contains("AP_EXECUTION_MODE:\tSANDBOX_CODE_AND_PROCESS", "activepieces:0.87.0");
    }

    private static String kubectl(String... args) {
        List<String> command = new ArrayList<>(List.of("timeout", "30", "kubectl", "--kubeconfig",
                world.cluster.kubeconfig().toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("kubectl " + String.join(" ", args) + ":\n" + out).isZero();
            return out;
        } catch (IOException e) {
            throw new AssertionError("kubectl failed to run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static boolean kubectlInstalled() {
        try {
            Process process = new ProcessBuilder("timeout", "10", "kubectl", "version", "--client")
                    .redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
