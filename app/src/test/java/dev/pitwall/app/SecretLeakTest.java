package dev.pitwall.app;

import dev.pitwall.app.settings.ConfigDirs;
import dev.pitwall.app.settings.ProfileStore;
import dev.pitwall.app.settings.SettingsStore;
import dev.pitwall.cli.ParsedArgs;
import dev.pitwall.demo.DemoEnvironment;
import dev.pitwall.demo.scenario.Scenario;
import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.demo.world.ImageBehaviour;
import dev.pitwall.demo.world.SimClock;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.redis.RedisClients;
import dev.pitwall.redis.RedisEndpoint;
import dev.pitwall.testing.Await;
import dev.pitwall.testing.CliRun;
import dev.pitwall.testing.DrawnText;
import io.fabric8.kubernetes.client.utils.Serialization;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plants secrets (a Redis password, the platform key, the audit key, a canary env value, passwords typed into URLs),
 * runs every command against the demo and opens the console on it, then looks for them in every file under the state
 * and config directories, every output, the console's drawn text (what a --screenshot renders) and the cluster's
 * objects. Also: every file Pitwall keeps is 0600, every directory 0700.
 */
@ExtendWith(ApplicationExtension.class)
class SecretLeakTest {

    private static final String REDIS_PASSWORD = "RpwQ7x9-planted";
    private static final String AUDIT_KEY = "AkeyM3v8-planted";
    private static final String CANARY_VALUE = "hunter2-CnryZ5k2";
    private static final String PLATFORM_URL_PASSWORD = "PuwT4-planted";
    private static final String HAND_WRITTEN_PASSWORD = "HndW6^planted";
    /** Typed into URLs with characters that break parsing; a leak shows at least their first letters. */
    private static final List<String> BAD_URL_PASSWORDS = List.of("BuXq1 space", "BuXq2^caret", "BuXq3%pct",
            "BuXq4@at");

    @TempDir
    static Path home;
    private static DemoEnvironment demo;
    private static Map<String, String> env;
    private static String redisHostPort;

    @BeforeAll
    static void plant() throws Exception {
        demo = DemoEnvironment.start(new DemoEnvironment.Options(Scenario.STEADY, 5, 60, SimClock.EPOCH));
        RedisEndpoint redis = RedisEndpoint.parse(demo.redisUrl());
        redisHostPort = redis.host() + ":" + redis.port();
        try (RedisClient admin = RedisClients.open(redis, null)) {
            // a user of its own: the demo's simulated workers keep the default user
            admin.sendCommand(Protocol.Command.ACL, "SETUSER", "pitwall", "on", ">" + REDIS_PASSWORD, "~*", "&*",
                    "+@all");
        }
        env = Map.of("LEAK_REDIS_PW", REDIS_PASSWORD, "LEAK_PLATFORM_KEY", demo.platformKey(),
                "PITWALL_AUDIT_KEY_ENV", "LEAK_AUDIT_KEY", "LEAK_AUDIT_KEY", AUDIT_KEY);
        ConnectionProfile d = demo.profile();
        new ProfileStore(config()).save(new ConnectionProfile("leak", d.kubeconfig(), d.kubeContext(), null,
                d.workerSelector(), List.of(), "redis://pitwall@" + redisHostPort, "LEAK_REDIS_PW", d.platformUrl(),
                "LEAK_PLATFORM_KEY", false, false, null));
        Files.writeString(config().resolve("profiles").resolve("hand.json"), "{\"name\":\"hand\",\"redisUrl\":"
                + "\"redis://pitwall:" + HAND_WRITTEN_PASSWORD + "@" + redisHostPort + "\"}");
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static Path config() {
        return home.resolve("config");
    }

    private static Path state() {
        return home.resolve("state");
    }

    /** What was printed or drawn, and where (the command line typed holds secrets by design, so it is not searched). */
    private record Seen(String where, String text) {
    }

    private final List<Seen> seen = new ArrayList<>();

    private CliRun cli(String... args) {
        ConfigDirs dirs = new ConfigDirs(config(), state());
        CliRun r = CliRun.capture((out, err) -> new Launcher(dirs, ref -> Optional.ofNullable(env.get(ref)), out, err)
                .run(args));
        seen.add(new Seen("the output of: pitwall " + String.join(" ", args), r.out() + r.err()));
        return r;
    }

    private CliRun leak(String... args) {
        List<String> all = new ArrayList<>(List.of("--profile", "leak"));
        all.addAll(List.of(args));
        return cli(all.toArray(String[]::new));
    }

    @Test
    void noPlantedSecretTurnsUpAnywhere(FxRobot robot) throws Exception {
        runEveryCommand();
        openTheConsole(robot, "leak", true);
        openTheConsole(robot, "hand", false);

        List<String> secrets = new ArrayList<>(List.of(REDIS_PASSWORD, AUDIT_KEY, CANARY_VALUE, PLATFORM_URL_PASSWORD,
                HAND_WRITTEN_PASSWORD, demo.platformKey()));
        BAD_URL_PASSWORDS.forEach(p -> secrets.add(p.substring(0, 5)));
        assertThat(seen).as("the console showed why the hand-written profile's Redis cannot be used")
                .anyMatch(s -> s.where().endsWith("profile hand") && s.text().contains("the password has a character"));
        for (Seen s : seen) {
            assertThat(secrets).as("in " + s.where() + ":\n" + s.text()).noneMatch(s.text()::contains);
        }
        for (Path file : files(state())) {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            assertThat(secrets).as("in " + file).noneMatch(text::contains);
        }
        for (Path file : files(config())) {
            if (!file.getFileName().toString().equals("hand.json")) {
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                assertThat(secrets).as("in " + file).noneMatch(text::contains);
            }
        }
        String cluster = Serialization.asJson(demo.kube().client().apps().deployments().inAnyNamespace().list())
                + Serialization.asJson(demo.kube().client().apps().statefulSets().inAnyNamespace().list());
        assertThat(secrets).as("in the cluster's workloads").noneMatch(cluster::contains);
        assertThat(Files.readString(state().resolve("audit.jsonl"))).as("the audit log was written, keyed")
                .contains("\"alg\":\"hmac-sha256\"").contains("canary.refused");
    }

    @Test
    void everyFileAndDirectoryPitwallKeepsIsTheOwnersOnly() throws Exception {
        cli("--profile", "leak", "rollback", "plan", DemoFleet.workloadOf("acme"), "--namespace",
                DemoFleet.namespaceOf("acme"));
        cli("--profile", "leak", "incident", "report", "--from", "1h");
        cli("--profile", "leak", "canary", "start", DemoFleet.workloadOf("initech"), "--namespace",
                DemoFleet.namespaceOf("initech"), "--image", ImageBehaviour.IMAGE_REPOSITORY + ":0.88.1");
        List<Path> all;
        try (Stream<Path> walk = Files.walk(state())) {
            all = walk.toList();
        }
        assertThat(all).anyMatch(p -> p.toString().endsWith("audit.jsonl")).anyMatch(p -> p.toString()
                .contains("rollback-plans")).anyMatch(p -> p.toString().contains("incidents"));
        for (Path p : all) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as(p.toString())
                    .isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
        }
        for (Path p : List.of(config(), config().resolve("profiles"), config().resolve("profiles/leak.json"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as(p.toString())
                    .isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
        }
    }

    /** The scripted run: every command and verb, plus the URLs and options that used to echo secrets. */
    private void runEveryCommand() {
        String acmeNs = DemoFleet.namespaceOf("acme");
        String acme = DemoFleet.workloadOf("acme");
        String initech = DemoFleet.workloadOf("initech");
        assertThat(leak("status").exitCode()).isZero();
        leak("status", "--json");
        assertThat(leak("fleet").exitCode()).isZero();
        leak("fleet", "--json");
        assertThat(leak("queues").exitCode()).isZero();
        leak("queues", "--json");
        leak("queues", "failed", DemoFleet.SHARED_QUEUE, "--page-size", "5", "--json");
        String since = SimClock.EPOCH.minus(Duration.ofHours(6)).toString();
        leak("runs", "failed", "--since", since);
        leak("runs", "failed", "--since", since, "--group-by", "signature", "--json");
        Path plan = state().resolve("replay-plan.json");
        assertThat(leak("replay", "plan", "--since", since, "--out", plan.toString()).exitCode()).isZero();
        leak("replay", "run", plan.toString(), "--canary", "0", "--follow-up", "1s");
        leak("rollback", "history", acme, "--namespace", acmeNs);
        CliRun rollbackPlan = leak("rollback", "plan", acme, "--namespace", acmeNs);
        leak("trust", "check");
        leak("trust", "check", "--json");
        leak("trust", "snapshot", "--out", state().resolve("policy.yaml").toString());
        leak("trust", "fix", DemoFleet.groupIdOf("globex"), "--mode", "SANDBOX_PROCESS", "--yes", "--timeout", "30");

        CliRun secretEnv = leak("canary", "start", acme, "--namespace", acmeNs, "--image",
                ImageBehaviour.IMAGE_REPOSITORY + ":0.88.1", "--env", "AP_API_KEY=" + CANARY_VALUE);
        assertThat(secretEnv.exitCode()).isEqualTo(2);
        assertThat(secretEnv.err()).contains("--env-from-secret AP_API_KEY=SECRET_NAME:KEY");
        // refused by preflight (no tested rollback plan): written to the audit log as canary.refused
        assertThat(leak("canary", "start", initech, "--namespace", DemoFleet.namespaceOf("initech"), "--image",
                ImageBehaviour.IMAGE_REPOSITORY + ":0.88.1", "--env-from-secret", "AP_API_KEY=ap-keys:api-key")
                .exitCode()).isEqualTo(3);
        leak("canary", "status", initech, "--namespace", DemoFleet.namespaceOf("initech"), "--json");
        assertThat(leak("incident", "timeline", "--from", "2h").exitCode()).isZero();
        leak("incident", "timeline", "--from", "2h", "--json");
        leak("incident", "report", "--from", "2h");
        assertThat(rollbackPlan.exitCode()).as(rollbackPlan.err()).isZero();

        for (String password : BAD_URL_PASSWORDS) {
            String url = "redis://:" + password + "@" + redisHostPort;
            CliRun status = cli("--redis", url, "status");
            assertThat(status.out()).contains("the password has a character that must be percent-encoded");
            cli("--redis", url, "status", "--json");
            cli("--redis", url, "queues");
            cli("--redis", "redis://pitwall:" + password + "@" + redisHostPort, "incident", "timeline");
        }
        assertThat(cli("--redis", "redis://pitwall:" + REDIS_PASSWORD + "@" + redisHostPort, "status").exitCode())
                .as("a password in a good URL works, and is not shown").isZero();
        assertThat(cli("--platform-url", "http://ops:" + PLATFORM_URL_PASSWORD + "@127.0.0.1:1", "status").out())
                .contains("must not hold a user or password");
        cli("--platform-url", "http://ops:" + PLATFORM_URL_PASSWORD + "@127.0.0.1:1", "runs", "failed");
        cli("--profile", "hand", "status");
        cli("--profile", "hand", "queues", "--json");
    }

    /** Opens the console on a profile's Queues screen and keeps every text it draws. */
    private void openTheConsole(FxRobot robot, String profileName, boolean loaded) throws Exception {
        ConsoleOptions options = ConsoleOptions.from(ParsedArgs.parse(List.of("--view", "queues"),
                GlobalOptions.ALL));
        Session session = new Session(new ProfileStore(config()).load(profileName));
        Backends backends = new Backends(ref -> Optional.ofNullable(env.get(ref)), state());
        backends.useAuditKeyOf(session.profile());
        ConsoleApp app = new ConsoleApp(session, options, new SettingsStore(config()), new ProfileStore(config()),
                backends);
        robot.interact(() -> {
            app.build();
            app.show(new Stage());
        });
        try {
            if (loaded) {
                TableView<?> table = robot.lookup("#queueTable").queryAs(TableView.class);
                Await.until("the queues listed", Duration.ofSeconds(30), () -> !table.getItems().isEmpty());
            }
            Await.until("the back-ends checked", Duration.ofSeconds(30), app::backendsSettled);
            robot.interact(() -> seen.add(new Seen("the console's Queues screen on profile " + profileName,
                    String.join("\n", drawnText(app.window().scene().getRoot())))));
        } finally {
            robot.interact(() -> {
                app.window().scene().getWindow().hide();
                app.close();
            });
            session.close();
        }
    }

    private static List<String> drawnText(javafx.scene.Parent root) {
        List<String> out = new ArrayList<>();
        for (Node n : DrawnText.all(root)) {
            if (n instanceof Labeled l && l.getText() != null) {
                out.add(l.getText());
            } else if (n instanceof Text t && t.getText() != null) {
                out.add(t.getText());
            } else if (n instanceof TextInputControl t && t.getText() != null) {
                out.add(t.getText());
            }
        }
        return out;
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
