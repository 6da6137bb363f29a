package dev.pitwall.demo;

import dev.pitwall.redis.RedisClients;
import dev.pitwall.redis.RedisEndpoint;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every redis-server the demo and the tests start keeps nothing: no snapshot rules, its folder a temporary one that
 * goes with it, so that no dump.rdb lands in the working tree whatever the server is told.
 */
class RedisServerProcessTest {

    @Test
    void theServerSavesNothingAndOnlyIntoItsOwnTemporaryFolder() throws Exception {
        Path dir;
        Path inTree = Path.of("dump.rdb");
        Object before = Files.exists(inTree) ? Files.getLastModifiedTime(inTree) : null;
        try (RedisServerProcess server = RedisServerProcess.start();
             RedisClient redis = RedisClients.open(RedisEndpoint.parse(server.url()), null)) {
            Map<String, String> save = redis.configGet("save");
            dir = Path.of(redis.configGet("dir").get("dir"));
            redis.set("k", "v");

            assertThat(save).containsEntry("save", "");
            assertThat(dir).startsWith(Path.of(System.getProperty("java.io.tmpdir")).toRealPath());
            assertThat(dir.toRealPath().startsWith(Path.of("").toAbsolutePath().toRealPath()))
                    .as("inside the working tree").isFalse();
            redis.sendCommand(Protocol.Command.SAVE); // an explicit SAVE writes only in there
            assertThat(dir.resolve("dump.rdb")).exists();
        }
        assertThat(Files.exists(dir)).as("the folder is removed with the server").isFalse();
        assertThat(Files.exists(inTree) ? Files.getLastModifiedTime(inTree) : null).as("dump.rdb in the working tree")
                .isEqualTo(before);
    }
}
