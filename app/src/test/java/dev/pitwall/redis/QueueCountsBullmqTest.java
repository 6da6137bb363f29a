package dev.pitwall.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.demo.RedisServerProcess;
import dev.pitwall.model.QueueStats;
import dev.pitwall.ops.queues.BullLayout;
import dev.pitwall.ops.queues.QueueMonitor;
import dev.pitwall.ops.queues.QueueRow;
import dev.pitwall.testing.NodePackages;
import dev.pitwall.testing.RedisServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The strongest check of the counting rules: the real BullMQ (npm) puts jobs into every state with its own API (add,
 * delay, priority, a worker that completes some and fails some, a job taken and never finished, a flow parent waiting
 * for its child, pause), prints what its own getJobCounts() and isPaused() say, and Pitwall must say the same about
 * the same queues, for the 5.x and the 6.x layout.
 */
@ExtendWith(RedisServerExtension.class)
class QueueCountsBullmqTest {

    private final RedisServerProcess server;

    QueueCountsBullmqTest(RedisServerProcess server) {
        this.server = server;
    }

    @Test
    void pitwallCountsLikeBullmq5() throws Exception {
        compare(NodePackages.bullmq(5), "b5", BullLayout.V5);
    }

    @Test
    void pitwallCountsLikeBullmq6() throws Exception {
        compare(NodePackages.bullmq(6), "b6", BullLayout.V6);
    }

    private void compare(NodePackages bullmq, String prefix, BullLayout layout) throws Exception {
        String running = prefix + "-running";
        String paused = prefix + "-paused";
        NodePackages.Result result = bullmq.runScript("bullmq/make-states.js", 120,
                String.valueOf(server.port()), running, paused);
        assertThat(result.exitCode()).as("make-states.js failed:\n" + result.errors()).isZero();
        JsonNode said = new ObjectMapper().readTree(result.output());

        // Pitwall finds the queues by itself (SCAN for their meta keys): the profile names none of them
        try (RedisQueueBackend backend = new RedisQueueBackend(
                RedisClients.open(RedisEndpoint.parse(server.url()), null), server.url())) {
            Map<String, QueueRow> rows = new QueueMonitor(backend, List.of(), Clock.systemUTC()).refresh().rows()
                    .stream().collect(Collectors.toMap(QueueRow::name, Function.identity()));
            for (String queue : List.of(running, paused)) {
                JsonNode bull = said.path("queues").path(queue);
                JsonNode counts = bull.path("counts");
                assertThat(rows).as("discovered queues").containsKey(queue);
                QueueStats pitwall = rows.get(queue).stats();
                String what = queue + " (bullmq " + said.path("version").asText() + ")";
                assertThat(pitwall.waitCount()).as(what + " wait").isEqualTo(counts.path("wait").asLong());
                assertThat(pitwall.paused()).as(what + " paused").isEqualTo(counts.path("paused").asLong());
                assertThat(pitwall.active()).as(what + " active").isEqualTo(counts.path("active").asLong());
                assertThat(pitwall.prioritized()).as(what + " prioritized")
                        .isEqualTo(counts.path("prioritized").asLong());
                assertThat(pitwall.delayed()).as(what + " delayed").isEqualTo(counts.path("delayed").asLong());
                assertThat(pitwall.completed()).as(what + " completed").isEqualTo(counts.path("completed").asLong());
                assertThat(pitwall.failed()).as(what + " failed").isEqualTo(counts.path("failed").asLong());
                assertThat(pitwall.waitingChildren()).as(what + " waiting-children")
                        .isEqualTo(counts.path("waiting-children").asLong());
                assertThat(pitwall.isPaused()).as(what + " isPaused").isEqualTo(bull.path("paused").asBoolean());
                assertThat(pitwall.layoutVersion()).isEqualTo("bullmq:" + said.path("version").asText());
                assertThat(rows.get(queue).layout()).isEqualTo(layout);
                assertThat(pitwall.oldestWaitingAgeSeconds()).as(what + " oldest waiting age").isNotNull();
            }
            // every state really was populated, so that the comparison above means something
            JsonNode c = said.path("queues").path(running).path("counts");
            for (String state : List.of("wait", "active", "prioritized", "delayed", "completed", "failed",
                    "waiting-children")) {
                assertThat(c.path(state).asLong()).as(running + " " + state + " per BullMQ").isPositive();
            }
            assertThat(said.path("queues").path(paused).path("paused").asBoolean()).isTrue();
        }
    }
}
