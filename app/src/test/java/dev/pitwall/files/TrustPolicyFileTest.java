package dev.pitwall.files;

import dev.pitwall.ops.trust.DeclaredEnv;
import dev.pitwall.ops.trust.PolicyLoad;
import dev.pitwall.ops.trust.PolicySnapshot;
import dev.pitwall.model.ExecutionMode;
import dev.pitwall.ops.trust.TrustWorkload;
import dev.pitwall.ops.trust.WorkloadKind;
import dev.pitwall.ops.trust.WorkloadRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Policy files in YAML and JSON, broken ones, and snapshots that read back as the policy they describe. */
class TrustPolicyFileTest {

    @TempDir
    Path dir;
    private final TrustPolicyFile files = new TrustPolicyFile();

    @Test
    void yamlAndJsonPoliciesAreRead() throws Exception {
        Path yaml = dir.resolve("policy.yaml");
        Files.writeString(yaml, """
                version: 1
                groups:
                  wg-acme:
                    executionMode: SANDBOX_PROCESS
                    smoke: {flowId: smoke-acme, projectId: proj-acme}
                namespaces:
                  ap-legacy:
                    trustedEnvironment: true
                """);
        PolicyLoad load = files.load(yaml.toString());
        assertThat(load.problems()).isEmpty();
        assertThat(load.policy().groups().get("wg-acme").smoke().flowId()).isEqualTo("smoke-acme");
        assertThat(load.policy().namespaces().get("ap-legacy").mode()).isEqualTo(ExecutionMode.SANDBOX_PROCESS);

        Path json = dir.resolve("policy.json");
        Files.writeString(json, "{\"groups\": {\"shared\": {\"executionMode\": \"SANDBOX_CODE_AND_PROCESS\"}}}");
        assertThat(files.load(json.toString()).policy().groups().get("shared").mode())
                .isEqualTo(ExecutionMode.SANDBOX_CODE_AND_PROCESS);
    }

    @Test
    void aMissingFileIsOfferedForASnapshotAndABrokenOneSaysWhere() throws Exception {
        PolicyLoad missing = files.load(dir.resolve("none.yaml").toString());
        assertThat(missing.isLoaded()).isFalse();
        assertThat(missing.isInvalid()).isFalse();
        assertThat(missing.describe()).endsWith("does not exist yet: save a snapshot there");

        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "groups:\n  wg-acme:\n    executionMode: [SANDBOX_PROCESS\n");
        PolicyLoad invalid = files.load(broken.toString());
        assertThat(invalid.isInvalid()).isTrue();
        assertThat(invalid.problems().get(0)).startsWith("line ").contains("not valid YAML");

        Path wrong = dir.resolve("wrong.yaml");
        Files.writeString(wrong, "groups:\n  wg-acme:\n    executionMode: SANDBOX_EVERYTHING\n");
        assertThat(files.load(wrong.toString()).problems()).containsExactly("groups.wg-acme.executionMode: unknown "
                + "execution mode 'SANDBOX_EVERYTHING' (known: " + ExecutionMode.names() + ")");
    }

    @Test
    void aSnapshotReadsBackAsThePolicyOfTodaysDeclaredModes() throws Exception {
        List<TrustWorkload> workloads = List.of(
                workload("ap-shared", WorkloadKind.STATEFUL_SET, "activepieces-worker", null,
                        DeclaredEnv.value("SANDBOX_PROCESS")),
                workload("ap-dedicated-acme", WorkloadKind.DEPLOYMENT, "worker-acme", "wg-acme", DeclaredEnv.unset()),
                workload("ap-dedicated-globex", WorkloadKind.DEPLOYMENT, "worker-globex", "wg-globex",
                        DeclaredEnv.value("SANDBOX_EVERYTHING")));
        String text = PolicySnapshot.yaml(workloads, Instant.parse("2026-11-28T03:00:00Z"));
        assertThat(text).contains("# wg-globex: left out, choose its mode:",
                "StatefulSet ap-shared/activepieces-worker declares SANDBOX_PROCESS",
                "declares UNSANDBOXED (AP_EXECUTION_MODE not set: app default)");

        for (String name : List.of("snapshot.yaml", "snapshot.json")) {
            Path file = dir.resolve(name);
            files.save(file.toString(), text);
            PolicyLoad load = files.load(file.toString());
            assertThat(load.problems()).as(name).isEmpty();
            assertThat(load.policy().groups()).containsOnlyKeys("shared", "wg-acme");
            assertThat(load.policy().groups().get("shared").mode()).isEqualTo(ExecutionMode.SANDBOX_PROCESS);
            assertThat(load.policy().groups().get("wg-acme").mode()).isEqualTo(ExecutionMode.UNSANDBOXED);
        }
        assertThat(Files.readString(dir.resolve("snapshot.json"))).startsWith("{");
    }

    private static TrustWorkload workload(String ns, WorkloadKind kind, String name, String group,
                                          DeclaredEnv declared) {
        return new TrustWorkload(new WorkloadRef(ns, kind, name), group, "worker", declared, 2, List.of(),
                List.of());
    }
}
