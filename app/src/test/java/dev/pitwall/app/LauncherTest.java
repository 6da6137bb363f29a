package dev.pitwall.app;

import dev.pitwall.app.settings.ConfigDirs;
import dev.pitwall.demo.RedisServerProcess;
import dev.pitwall.redis.RedisClients;
import dev.pitwall.redis.RedisEndpoint;
import redis.clients.jedis.RedisClient;
import dev.pitwall.testing.CliRun;
import dev.pitwall.testing.RedisServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(RedisServerExtension.class)
class LauncherTest {

    @TempDir
    Path home;

    private CliRun run(Map<String, String> env, String... args) {
        ConfigDirs dirs = new ConfigDirs(home.resolve("config"), home.resolve("state"));
        return CliRun.capture((out, err) -> new Launcher(dirs, ref -> Optional.ofNullable(env.get(ref)), out, err)
                .run(args));
    }

    @Test
    void helpListsEveryOptionAndCommand() {
        CliRun r = run(Map.of(), "--help");
        assertThat(r.exitCode()).isZero();
        for (var option : GlobalOptions.ALL) {
            assertThat(r.out()).contains(option.synopsis());
        }
        assertThat(r.out()).contains("status").contains("Commands:");
    }

    @Test
    void versionPrintsThePomVersion() {
        CliRun r = run(Map.of(), "--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().trim()).matches("pitwall \\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void unknownOptionPrintsUsageOnStderrAndExits2() {
        CliRun r = run(Map.of(), "--no-such-option");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown option: --no-such-option").contains("Usage: pitwall");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownCommandOptionPrintsTheCommandsUsageAndExits2() {
        CliRun r = run(Map.of(), "status", "--frobnicate", "--redis", "redis://127.0.0.1:1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown option: --frobnicate").contains("Usage: pitwall [OPTIONS] status");
    }

    @Test
    void unknownCommandExits2() {
        CliRun r = run(Map.of(), "frobnicate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown command: frobnicate");
    }

    @Test
    void aCommandWithoutAnyBackEndSaysHowToGiveOne() {
        CliRun r = run(Map.of(), "status");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--profile").contains("--demo");
    }

    @Test
    void statusReachesRedisGivenOnTheCommandLine(RedisServerProcess redis) {
        CliRun r = run(Map.of(), "status", "--redis", redis.url(), "--json");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("{\"backend\":\"redis\",\"state\":\"ok\"")
                .contains("{\"backend\":\"kubernetes\",\"state\":\"not-configured\"");
    }

    @Test
    void statusFailsWithTheReasonWhenRedisDoesNotAnswer() {
        CliRun r = run(Map.of(), "--redis", "redis://127.0.0.1:1", "status");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("Redis").contains("error").contains("does not answer PING");
    }

    @Test
    void optionsWorkBeforeAndAfterTheCommandAndWithEquals(RedisServerProcess redis) {
        CliRun r = run(Map.of(), "--redis=" + redis.url(), "status");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void aSetBasedSelectorIsAUsageError() {
        CliRun r = run(Map.of(), "--worker-selector", "app in (a,b)", "--redis", "redis://127.0.0.1:1", "status");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--worker-selector").contains("LABEL=VALUE");
    }

    @Test
    void aMissingProfileNamesTheKnownOnes() {
        CliRun r = run(Map.of(), "--profile", "nope", "status");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no profile named 'nope'");
    }

    @Test
    void theRedisPasswordComesFromTheNamedVariableAndIsNeverPrinted(RedisServerProcess redis) {
        try (RedisClient admin = RedisClients.open(RedisEndpoint.parse(redis.url()), null)) {
            admin.configSet("requirepass", "s3cret-value");
        }
        try {
            CliRun with = run(Map.of("PW", "s3cret-value"), "status", "--redis", redis.url(),
                    "--redis-password-env", "PW");
            assertThat(with.exitCode()).as(with.out()).isZero();
            CliRun without = run(Map.of(), "status", "--redis", redis.url());
            assertThat(without.exitCode()).isEqualTo(1);
            assertThat(without.out()).contains("NOAUTH").doesNotContain("s3cret");
            CliRun unset = run(Map.of(), "status", "--redis", redis.url(), "--redis-password-env", "PW");
            assertThat(unset.exitCode()).as("a named variable that is unset stops before any request").isEqualTo(2);
            assertThat(unset.err()).contains("environment variable PW (Redis password) is not set");
            assertThat(unset.out()).isEmpty();
        } finally {
            try (RedisClient admin = RedisClients.open(RedisEndpoint.parse(redis.url()), "s3cret-value")) {
                admin.configSet("requirepass", "");
            }
        }
    }
}
