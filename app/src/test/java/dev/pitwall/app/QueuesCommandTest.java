package dev.pitwall.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.app.settings.ConfigDirs;
import dev.pitwall.app.settings.ProfileStore;
import dev.pitwall.demo.RedisServerProcess;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.testing.BullFixture;
import dev.pitwall.testing.CliRun;
import dev.pitwall.testing.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(RedisServerExtension.class)
class QueuesCommandTest {

    private static final List<String> CONTRACT = List.of("name", "wait", "paused", "active", "prioritized", "delayed",
            "failed", "completed", "waitingChildren", "isPaused", "oldestWaitingAgeSeconds");

    @TempDir
    Path home;
    private final RedisServerProcess redis;
    private BullFixture bull;
    private final long now = System.currentTimeMillis();

    QueuesCommandTest(RedisServerProcess redis) {
        this.redis = redis;
    }

    @BeforeEach
    void queues() {
        bull = new BullFixture(redis);
        bull.flush();
        bull.meta("workerJobs", "bullmq:6.7.0", true);
        bull.waiting("workerJobs", "w1", now - 120_000);
        bull.waiting("workerJobs", "w2", now);
        bull.active("workerJobs", "a1", now);
        bull.prioritized("workerJobs", "p1", now, 3, 1);
        bull.delayed("workerJobs", "d1", now, now + 60_000);
        bull.delayed("workerJobs", "d2", now, now + 60_000);
        bull.completed("workerJobs", "c1", now);
        bull.waitingChildren("workerJobs", "parent", now);
        for (int i = 0; i < 5; i++) {
            bull.failed("workerJobs", "f" + i, now - 5000 + i, Map.of());
        }
        bull.meta("syncJobs", "bullmq:5.81.5", false);
    }

    @AfterEach
    void close() {
        bull.close();
    }

    private CliRun run(String... args) {
        ConfigDirs dirs = new ConfigDirs(home.resolve("config"), home.resolve("state"));
        return CliRun.capture((out, err) -> new Launcher(dirs, ref -> Optional.empty(), out, err).run(args));
    }

    @Test
    void queuesJsonHasExactlyTheContractKeysWithNumbersAsNumbers() throws Exception {
        CliRun r = run("--redis", redis.url(), "queues", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode array = new ObjectMapper().readTree(r.out());
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(2);
        for (JsonNode queue : array) {
            List<String> keys = new ArrayList<>();
            queue.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactlyElementsOf(CONTRACT);
        }
        JsonNode sync = array.get(0);
        assertThat(sync.get("name").asText()).isEqualTo("syncJobs");
        assertThat(sync.get("oldestWaitingAgeSeconds").isNull()).as("nothing waits: null, not 0").isTrue();
        assertThat(sync.get("isPaused").isBoolean()).isTrue();

        JsonNode q = array.get(1);
        assertThat(q.get("name").asText()).isEqualTo("workerJobs");
        Map<String, Long> expected = Map.of("wait", 2L, "paused", 0L, "active", 1L, "prioritized", 1L,
                "delayed", 2L, "failed", 5L, "completed", 1L, "waitingChildren", 1L);
        expected.forEach((key, value) -> {
            assertThat(q.get(key).isIntegralNumber()).as(key + " is a number").isTrue();
            assertThat(q.get(key).asLong()).as(key).isEqualTo(value);
        });
        assertThat(q.get("isPaused").asBoolean()).isTrue();
        assertThat(q.get("oldestWaitingAgeSeconds").isIntegralNumber()).isTrue();
        assertThat(q.get("oldestWaitingAgeSeconds").asLong()).isBetween(119L, 180L);
    }

    @Test
    void withoutJsonATableWithThePausedState() {
        CliRun r = run("--redis", redis.url(), "queues");
        assertThat(r.exitCode()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("QUEUE").contains("WAIT", "PAUSED", "ACTIVE", "FAILED", "OLDEST");
        assertThat(lines.get(2)).startsWith("workerJobs").contains(" paused ").contains("bullmq 6.7.0")
                .matches(".*\\s2\\s+0\\s+1\\s+1\\s+2\\s+5\\s+1\\s+1\\s.*");
    }

    @Test
    void theProfilesQueueNamesAreListedEvenBeforeTheyExist() throws Exception {
        new ProfileStore(home.resolve("config")).save(ConnectionProfile.empty("prod").withQueueNames(
                List.of("platform-g1-jobs")));
        CliRun r = run("--profile", "prod", "--redis", redis.url(), "queues", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).findValuesAsText("name"))
                .containsExactly("platform-g1-jobs", "syncJobs", "workerJobs");
    }

    @Test
    void unreachableRedisExits2WithTheReasonOnStderr() {
        CliRun r = run("--redis", "redis://127.0.0.1:1", "queues", "--json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("pitwall queues: Redis at redis://127.0.0.1:1 could not list the queues");
    }

    @Test
    void aProfileWithoutRedisExits2() {
        CliRun r = run("--platform-url", "http://127.0.0.1:1", "queues");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("this profile has no Redis");
    }

    @Test
    void failedJobsAsJsonLinesOnePerLineNewestFirst() throws Exception {
        CliRun r = run("--redis", redis.url(), "queues", "failed", "workerJobs", "--page", "2", "--page-size", "2",
                "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.get("id").asText()).isEqualTo("f2");
        assertThat(json.readTree(lines.get(1)).get("id").asText()).isEqualTo("f1");
        assertThat(first.get("failedReason").asText()).isEqualTo("boom f2");
        assertThat(first.get("attemptsMade").asInt()).isEqualTo(2);
        assertThat(first.get("finishedOn").asLong()).isEqualTo(now - 5000 + 2);
        assertThat(first.get("stacktrace").get(0).asText()).startsWith("Error: boom f2");
        assertThat(first.get("problem").isNull()).isTrue();
    }

    @Test
    void failedJobsAsATableMarkMalformedEntries() {
        bull.failed("workerJobs", "broken", now, Map.of("data", "{not json"));
        CliRun r = run("--redis", redis.url(), "queues", "failed", "workerJobs");
        assertThat(r.exitCode()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Failed jobs of workerJobs: page 1 of 1, 6 job(s) in all, newest first");
        assertThat(lines.get(1)).contains("broken").contains("[malformed: data is not valid JSON");
        assertThat(lines.get(2)).contains("f4").contains("boom f4").doesNotContain("malformed");
    }

    @Test
    void failedWithoutAQueueIsAUsageError() {
        CliRun r = run("--redis", redis.url(), "queues", "failed");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("queues failed needs exactly one queue name");
        CliRun paging = run("--redis", redis.url(), "queues", "--page", "2");
        assertThat(paging.exitCode()).isEqualTo(2);
        assertThat(paging.err()).contains("--page and --page-size go with 'queues failed QUEUE'");
    }
}
