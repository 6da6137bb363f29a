package dev.pitwall.ops.trust;

import dev.pitwall.model.ExecutionMode;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reading a policy tree: every problem found at once, each with its place in the file. */
class TrustPolicyParserTest {

    @Test
    void groupsNamespacesTrustedEnvironmentAndSmokeFlowsAreRead() {
        Map<String, Object> tree = Map.of("version", 1,
                "groups", Map.of(
                        "wg-acme", Map.of("executionMode", "SANDBOX_PROCESS",
                                "smoke", Map.of("flowId", "smoke-acme", "projectId", "proj-acme")),
                        "shared", Map.of("executionMode", "SANDBOXED")),
                "namespaces", Map.of("ap-legacy", Map.of("trustedEnvironment", false)));

        TrustPolicy policy = TrustPolicyParser.parse(tree, "policy.yaml");
        assertThat(policy.groups().get("wg-acme")).isEqualTo(new PolicyEntry(ExecutionMode.SANDBOX_PROCESS,
                "executionMode", new SmokeFlow("smoke-acme", "proj-acme")));
        assertThat(policy.groups().get("shared").mode()).as("the old name").isEqualTo(ExecutionMode.SANDBOX_PROCESS);
        assertThat(policy.namespaces().get("ap-legacy").mode()).isEqualTo(ExecutionMode.SANDBOX_CODE_AND_PROCESS);
    }

    @Test
    void everyProblemIsListedWithItsPlace() {
        Map<String, Object> tree = Map.of("version", 2, "grups", Map.of(),
                "groups", Map.of(
                        "wg-a", Map.of("executionMode", "SANDBOX_EVERYTHING"),
                        "wg-b", Map.of("executionMode", "SANDBOX_PROCESS", "trustedEnvironment", true),
                        "wg-c", Map.of("smoke", Map.of("flowId", "f")),
                        "wg-d", Map.of("trustedEnvironment", "yes please"),
                        "wg-e", List.of("SANDBOX_PROCESS")));

        TrustPolicyException e = catchThrowableOfType(TrustPolicyException.class,
                () -> TrustPolicyParser.parse(tree, "p.yaml"));
        assertThat(e.problems()).containsExactlyInAnyOrder(
                "version: only version 1 is understood, found 2",
                "grups: unknown key (known here: groups, namespaces, version)",
                "groups.wg-a.executionMode: unknown execution mode 'SANDBOX_EVERYTHING' (known: UNSANDBOXED, "
                        + "SANDBOX_PROCESS, SANDBOX_CODE_ONLY, SANDBOX_CODE_AND_PROCESS)",
                "groups.wg-b: give executionMode or trustedEnvironment, not both",
                "groups.wg-c.smoke.projectId: missing",
                "groups.wg-c: needs executionMode (UNSANDBOXED, SANDBOX_PROCESS, SANDBOX_CODE_ONLY, "
                        + "SANDBOX_CODE_AND_PROCESS) or trustedEnvironment (true or false)",
                "groups.wg-d.trustedEnvironment: must be true or false, found yes please",
                "groups.wg-e: must be a mapping of names to values, found a list");
        assertThat(e.getMessage()).startsWith("trust policy p.yaml cannot be used:");
    }

    @Test
    void anEmptyFileOrOneWithoutEntriesIsRefused() {
        assertThatThrownBy(() -> TrustPolicyParser.parse(null, "p.yaml"))
                .hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> TrustPolicyParser.parse(Map.of("version", 1), "p.yaml"))
                .hasMessageContaining("the file needs 'groups' or 'namespaces'");
        assertThatThrownBy(() -> TrustPolicyParser.parse("SANDBOX_PROCESS", "p.yaml"))
                .hasMessageContaining("the file: must be a mapping");
    }
}
