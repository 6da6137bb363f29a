package dev.pitwall.kube;

import dev.pitwall.demo.KubeMockCluster;
import dev.pitwall.ops.fleet.FeedException;
import dev.pitwall.ops.fleet.VolumeStatsSource.VolumeUsage;
import dev.pitwall.testing.KubeMockExtension;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;

import static dev.pitwall.testing.WorkerObjects.statsSummary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(KubeMockExtension.class)
class KubeletVolumeStatsTest {

    private static final String PATH = "/api/v1/nodes/%s/proxy/stats/summary";

    @Test
    void readsPvcAndEmptyDirVolumesOfEveryPodOnTheNode(KubeMockCluster cluster) throws Exception {
        cluster.server().expect().get().withPath(PATH.formatted("node-a"))
                .andReturn(200, statsSummary("node-a", 2_000_000_000L, new Object[]{"ap-shared", "w-0", 1_600_000_000L},
                        new Object[]{"ap-shared", "w-1", 100L}))
                .always();
        var usages = new KubeletVolumeStats(cluster.client()).read("node-a");
        Instant measured = Instant.parse("2026-11-27T22:00:00Z");
        assertThat(usages).as("with the time the kubelet measured them").contains(
                new VolumeUsage("ap-shared", "w-0", "cache", "cache-w-0", 1_600_000_000L, 2_000_000_000L, measured),
                new VolumeUsage("ap-shared", "w-0", "tmp", null, 1000, 2000, measured),
                new VolumeUsage("ap-shared", "w-1", "cache", "cache-w-1", 100, 2_000_000_000L, measured));
    }

    @Test
    void aNodeWhoseStatsMayNotBeReadSaysWhy(KubeMockCluster cluster) {
        cluster.server().expect().get().withPath(PATH.formatted("node-b"))
                .andReturn(403, new StatusBuilder().withCode(403).withMessage("nodes \"node-b\" is forbidden: cannot "
                        + "get resource \"nodes/proxy\"").build()).always();
        assertThatThrownBy(() -> new KubeletVolumeStats(cluster.client()).read("node-b"))
                .isInstanceOf(FeedException.class)
                .hasMessage("403 Forbidden: nodes \"node-b\" is forbidden: cannot get resource \"nodes/proxy\"");
    }

    @Test
    void somethingThatIsNotAStatsSummaryIsRejected(KubeMockCluster cluster) {
        assertThatThrownBy(() -> KubeletVolumeStats.parse("node-unknown", "{\"kind\":\"List\",\"items\":[]}"))
                .isInstanceOf(FeedException.class)
                .hasMessage("the stats summary of node node-unknown has no pods list");
        assertThatThrownBy(() -> new KubeletVolumeStats(cluster.client()).read("node-unknown"))
                .isInstanceOf(FeedException.class).hasMessageContaining("404");
        assertThatThrownBy(() -> KubeletVolumeStats.parse("n", "<html>"))
                .isInstanceOf(FeedException.class).hasMessage("the stats summary of node n is not JSON");
    }

    @Test
    void volumesWithoutFiguresAreLeftOut() throws FeedException {
        String body = """
                {"pods":[{"podRef":{"name":"w","namespace":"ns"},"volume":[{"name":"cache"},
                  {"name":"tmp","usedBytes":5,"capacityBytes":10}]}, {"volume":[]}]}
                """;
        assertThat(KubeletVolumeStats.parse("n", body)).containsExactly(new VolumeUsage("ns", "w", "tmp", null, 5, 10));
    }
}
