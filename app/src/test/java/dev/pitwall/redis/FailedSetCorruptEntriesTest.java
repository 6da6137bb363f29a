package dev.pitwall.redis;

import dev.pitwall.demo.RedisServerProcess;
import dev.pitwall.model.FailedJob;
import dev.pitwall.model.FailedJobPage;
import dev.pitwall.ops.queues.FailedJobBrowser;
import dev.pitwall.ops.queues.FailedJobSource;
import dev.pitwall.testing.BullFixture;
import dev.pitwall.testing.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One kind of broken failed-set entry per test, each between two sound jobs: the broken one is shown with the reason,
 * and the page around it is read as if nothing happened.
 */
@ExtendWith(RedisServerExtension.class)
class FailedSetCorruptEntriesTest {

    private static final String Q = "workerJobs";
    private final RedisServerProcess server;
    private final long now = System.currentTimeMillis();
    private BullFixture bull;
    private RedisQueueBackend backend;

    FailedSetCorruptEntriesTest(RedisServerProcess server) {
        this.server = server;
    }

    @BeforeEach
    void setUp() {
        bull = new BullFixture(server);
        bull.flush();
        bull.meta(Q, "bullmq:6.7.0", false);
        bull.failed(Q, "sound-newer", now + 1000, Map.of());
        bull.failed(Q, "sound-older", now - 1000, Map.of());
        backend = new RedisQueueBackend(RedisClients.open(RedisEndpoint.parse(server.url()), null), server.url());
    }

    @AfterEach
    void tearDown() {
        backend.close();
        bull.close();
    }

    /** Reads the page and returns the middle job, after checking that its neighbours came through sound. */
    private FailedJob theBrokenOne() {
        FailedJobPage page = new FailedJobBrowser(backend).page(Q, 0, 100);
        assertThat(page.jobs()).hasSize(3);
        assertThat(page.jobs().get(0).id()).isEqualTo("sound-newer");
        assertThat(page.jobs().get(2).id()).isEqualTo("sound-older");
        assertThat(page.jobs().get(0).isMalformed()).as(page.jobs().get(0).problem()).isFalse();
        assertThat(page.jobs().get(2).isMalformed()).as(page.jobs().get(2).problem()).isFalse();
        return page.jobs().get(1);
    }

    @Test
    void corruptJsonInData() {
        bull.failed(Q, "bad", now, Map.of("data", "{\"jobType\":\"EXECUTE_FLOW\",\"runId\":"));
        FailedJob job = theBrokenOne();
        assertThat(job.problem()).isEqualTo("data is not valid JSON: unexpected end of text at character 35");
        assertThat(job.data()).isEqualTo("{\"jobType\":\"EXECUTE_FLOW\",\"runId\":");
        assertThat(job.failedReason()).isEqualTo("boom bad");
    }

    @Test
    void corruptJsonInOpts() {
        bull.failed(Q, "bad", now, Map.of("opts", "{attempts:2}"));
        assertThat(theBrokenOne().problem()).startsWith("opts is not valid JSON: expected a quoted key");
    }

    @Test
    void corruptJsonInTheStacktrace() {
        bull.failed(Q, "bad", now, Map.of("stacktrace", "Error: boom\n    at x (y.js:1:1)"));
        FailedJob job = theBrokenOne();
        assertThat(job.problem()).startsWith("stacktrace is not valid JSON");
        assertThat(job.stacktrace()).containsExactly("Error: boom\n    at x (y.js:1:1)");
    }

    @Test
    void missingFields() {
        bull.failed(Q, "bad", now, Map.of());
        bull.redis().hdel(BullFixture.key(Q, "bad"), "name", "data", "failedReason", "finishedOn");
        FailedJob job = theBrokenOne();
        assertThat(job.problem()).isEqualTo("missing field: name; missing field: data; missing field: failedReason; "
                + "missing field: finishedOn");
        assertThat(job.name()).isNull();
        assertThat(job.data()).isNull();
        assertThat(job.attemptsMade()).isEqualTo(2);
    }

    @Test
    void anUnknownJobType() {
        bull.failed(Q, "bad", now, Map.of("data", "{\"jobType\":\"EXECUTE_TELEPORT\",\"runId\":\"r1\"}"));
        assertThat(theBrokenOne().problem()).isEqualTo("unknown job type: EXECUTE_TELEPORT");
    }

    @Test
    void aTenMegabyteDataFieldIsCutNotCarried() {
        String big = "{\"jobType\":\"EXECUTE_FLOW\",\"payload\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";
        bull.failed(Q, "big", now, Map.of("data", big));
        FailedJob job = theBrokenOne();
        assertThat(job.isMalformed()).as("a big job is not a broken job: " + job.problem()).isFalse();
        assertThat(job.dataTruncated()).isTrue();
        assertThat(job.dataBytes()).isEqualTo(big.length());
        assertThat(job.data()).hasSize(FailedJobSource.FIELD_LIMIT_BYTES).startsWith("{\"jobType\":\"EXECUTE_FLOW\"");
    }

    @Test
    void bytesThatAreNotUtf8() {
        bull.failed(Q, "bad", now, Map.of());
        byte[] latin1 = "{\"note\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        bull.rawField(Q, "bad", "data", latin1);
        FailedJob job = theBrokenOne();
        assertThat(job.problem()).isEqualTo("data is not valid UTF-8");
        assertThat(job.data()).isEqualTo("{\"note\":\"caf\uFFFD\"}");
    }

    @Test
    void anIdThatIsNotUtf8() {
        byte[] id = {'j', (byte) 0xFF, 'b'};
        byte[] key = ("bull:" + Q + ":").getBytes(StandardCharsets.UTF_8);
        byte[] jobKey = new byte[key.length + id.length];
        System.arraycopy(key, 0, jobKey, 0, key.length);
        System.arraycopy(id, 0, jobKey, key.length, id.length);
        bull.failed(Q, "template", now, Map.of());
        for (Map.Entry<String, String> f : bull.redis().hgetAll(BullFixture.key(Q, "template")).entrySet()) {
            bull.redis().hset(jobKey, f.getKey().getBytes(StandardCharsets.UTF_8),
                    f.getValue().getBytes(StandardCharsets.UTF_8));
        }
        bull.redis().zrem(BullFixture.key(Q, "failed"), "template");
        bull.redis().zadd(BullFixture.key(Q, "failed").getBytes(StandardCharsets.UTF_8), now, id);
        FailedJob job = theBrokenOne();
        assertThat(job.id()).isEqualTo("j\uFFFDb");
        assertThat(job.problem()).isEqualTo("id is not valid UTF-8");
        assertThat(job.failedReason()).as("the hash is found by the raw id").isEqualTo("boom template");
    }

    @Test
    void aHashThatVanishedAfterTheSetWasRead() {
        bull.failed(Q, "gone", now, Map.of());
        bull.redis().del(BullFixture.key(Q, "gone"));
        FailedJob job = theBrokenOne();
        assertThat(job.id()).isEqualTo("gone");
        assertThat(job.problem()).isEqualTo("job hash is gone (removed after the failed set was read)");
    }

    @Test
    void timestampsThatAreNotNumbers() {
        bull.failed(Q, "bad", now, Map.of("finishedOn", "yesterday", "atm", "two"));
        FailedJob job = theBrokenOne();
        assertThat(job.problem()).isEqualTo("finishedOn is not a number: 'yesterday'; atm is not a number: 'two'");
        assertThat(job.finishedAt()).isNull();
        assertThat(job.attemptsMade()).isNull();
    }

    @Test
    void aStacktraceThatIsNotAnArray() {
        bull.failed(Q, "bad", now, Map.of("stacktrace", "{\"message\":\"boom\"}"));
        FailedJob job = theBrokenOne();
        assertThat(job.problem()).isEqualTo("stacktrace is not a JSON array");
        assertThat(job.stacktrace()).containsExactly("{\"message\":\"boom\"}");
    }
}
