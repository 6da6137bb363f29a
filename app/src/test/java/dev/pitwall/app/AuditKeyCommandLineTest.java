package dev.pitwall.app;

import dev.pitwall.app.settings.ConfigDirs;
import dev.pitwall.files.HashChainedAuditLog;
import dev.pitwall.ops.audit.AuditEntry;
import dev.pitwall.testing.AuditTamper;
import dev.pitwall.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three ways of hiding an action from the audit log that plain SHA-256 cannot catch, run against `incident
 * timeline` and `incident report` with a key (PITWALL_AUDIT_KEY_ENV), and every run saying which protection it had.
 */
class AuditKeyCommandLineTest {

    private static final String KEY = "the-audit-key-value";
    private static final Map<String, String> KEYED = Map.of("PITWALL_AUDIT_KEY_ENV", "PW_AUDIT", "PW_AUDIT", KEY);

    @TempDir
    Path home;

    private Path log() {
        return home.resolve("state").resolve("audit.jsonl");
    }

    private CliRun run(Map<String, String> env, String... args) {
        ConfigDirs dirs = new ConfigDirs(home.resolve("config"), home.resolve("state"));
        return CliRun.capture((out, err) -> new Launcher(dirs, ref -> Optional.ofNullable(env.get(ref)), out, err)
                .run(args));
    }

    private CliRun timeline(Map<String, String> env) {
        return run(env, "--redis", "redis://127.0.0.1:1", "incident", "timeline", "--from", "2h");
    }

    private CliRun report(Map<String, String> env) {
        return run(env, "--redis", "redis://127.0.0.1:1", "incident", "report", "--from", "2h", "--out",
                home.resolve("reports").toString());
    }

    /** Three actions, written as the console and the commands write them, with the key when there is one. */
    private void actions(boolean keyed) {
        HashChainedAuditLog log = new HashChainedAuditLog(log(), () -> keyed
                ? Optional.of(KEY.getBytes(StandardCharsets.UTF_8)) : Optional.empty());
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
        for (int i = 0; i < 3; i++) {
            log.record(new AuditEntry(at.plusSeconds(i), "alice", "trust.fix", "ap-dedicated-globex",
                    Map.of("after", "SANDBOX_PROCESS")));
        }
    }

    @Test
    void anUntouchedKeyedLogPassesAndTheReportSaysKeyed() throws Exception {
        actions(true);
        CliRun timeline = timeline(KEYED);
        assertThat(timeline.exitCode()).as(timeline.err()).isZero();
        assertThat(timeline.err()).contains("pitwall incident: audit log: keyed");
        assertThat(timeline.out()).contains("trust.fix by alice");
        CliRun report = report(KEYED);
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out()).contains("Audit log: intact (hash chain verified; keyed).")
                .contains("Audit log protection: keyed.");
        assertThat(Files.readAllLines(log())).allMatch(l -> l.contains("\"alg\":\"hmac-sha256\""));
    }

    @Test
    void keyedAnEditedActorWithTheChainRecomputedIsReported() throws Exception {
        actions(true);
        AuditTamper.rewrite(log(), line -> line.put("actor", "mallory"));
        assertTampered(timeline(KEYED), report(KEYED));
    }

    @Test
    void keyedTheLastLineDroppedAndTheHeadRewrittenIsReported() throws Exception {
        actions(true);
        AuditTamper.dropLastLine(log());
        assertTampered(timeline(KEYED), report(KEYED));
    }

    @Test
    void keyedTheWholeLogRewrittenWithoutTheKeyIsReported() throws Exception {
        actions(true);
        AuditTamper.rewrite(log(), line -> {
            line.remove("alg");
            line.put("actor", "mallory");
        });
        assertTampered(timeline(KEYED), report(KEYED));
    }

    @Test
    void unkeyedTheSameForgeryPassesAndEveryRunSaysWhatThatMeans() throws Exception {
        actions(false);
        AuditTamper.rewrite(log(), line -> line.put("actor", "mallory"));
        CliRun timeline = timeline(Map.of());
        assertThat(timeline.exitCode()).isZero();
        assertThat(timeline.err()).contains("audit log: unkeyed: detects accidents, not forgery");
        CliRun report = report(Map.of());
        assertThat(report.out()).contains("(hash chain verified; unkeyed: detects accidents, not forgery)");
        assertThat(Files.readString(home.resolve("reports").resolve(reportName())))
                .contains("\"protection\" : \"unkeyed: detects accidents, not forgery\"");
    }

    @Test
    void theProfilesAuditKeyVariableKeysTheLogAndAnUnsetOneStopsTheCommand() throws Exception {
        Files.createDirectories(home.resolve("config").resolve("profiles"));
        Files.writeString(home.resolve("config").resolve("profiles").resolve("keyed.json"),
                "{\"name\":\"keyed\",\"redisUrl\":\"redis://127.0.0.1:1\",\"auditKeyEnv\":\"PROFILE_AUDIT_KEY\"}");
        actions(true);
        Map<String, String> env = new HashMap<>(Map.of("PROFILE_AUDIT_KEY", KEY));
        CliRun ok = run(env, "--profile", "keyed", "incident", "timeline", "--from", "2h");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.err()).contains("audit log: keyed");

        CliRun unset = run(Map.of(), "--profile", "keyed", "incident", "timeline", "--from", "2h");
        assertThat(unset.exitCode()).isEqualTo(2);
        assertThat(unset.err()).contains("environment variable PROFILE_AUDIT_KEY (audit key) is not set");
        CliRun unsetGlobal = run(Map.of("PITWALL_AUDIT_KEY_ENV", "NOPE"), "--redis", "redis://127.0.0.1:1", "incident",
                "timeline");
        assertThat(unsetGlobal.exitCode()).isEqualTo(2);
        assertThat(unsetGlobal.err()).contains("environment variable NOPE (audit key) is not set");
    }

    @Test
    void everyCallerOfAProcessSharesOneAuditLog() {
        Backends backends = new Backends(ref -> Optional.empty(), home.resolve("state"));
        assertThat(backends.auditLog()).isSameAs(backends.auditLog());
    }

    private void assertTampered(CliRun timeline, CliRun report) throws Exception {
        assertThat(timeline.exitCode()).as(timeline.out() + timeline.err()).isEqualTo(1);
        assertThat(timeline.err()).contains("TAMPERED OR TRUNCATED").contains("audit log: keyed");
        assertThat(report.exitCode()).as(report.out() + report.err()).isEqualTo(1);
        assertThat(report.out()).contains("Audit log: TAMPERED OR TRUNCATED (keyed)")
                .contains("Audit log protection: keyed.");
        assertThat(report.err()).contains("the audit log is TAMPERED OR TRUNCATED");
        assertThat(Files.readString(home.resolve("reports").resolve(reportName())))
                .contains("\"intact\" : false").contains("\"protection\" : \"keyed\"");
    }

    private String reportName() throws Exception {
        try (var files = Files.list(home.resolve("reports"))) {
            List<Path> json = files.filter(p -> p.toString().endsWith(".json")).toList();
            return json.get(0).getFileName().toString();
        }
    }
}
