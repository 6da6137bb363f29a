package dev.pitwall.app;

import dev.pitwall.ops.rollback.PreflightCheck;
import dev.pitwall.ops.rollback.PreflightCheck.Outcome;
import dev.pitwall.ops.rollback.WorkloadRef;
import dev.pitwall.ops.trust.PolicyEntry;
import dev.pitwall.ops.trust.PolicyLoad;
import dev.pitwall.model.ExecutionMode;
import dev.pitwall.ops.trust.TrustPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The preflight's trust check: the mode a rollback restores against the policy, or why it is not checked. */
class TrustModePolicyTest {

    private static final WorkloadRef GLOBEX = new WorkloadRef(WorkloadRef.Kind.DEPLOYMENT, "ap-dedicated-globex",
            "activepieces-worker-globex");
    private static final TrustPolicy POLICY = new TrustPolicy("trust.yaml",
            Map.of("wg-globex", new PolicyEntry(ExecutionMode.SANDBOX_PROCESS, "executionMode", null),
                    "shared", new PolicyEntry(ExecutionMode.UNSANDBOXED, "executionMode", null)), Map.of());

    private static PreflightCheck check(PolicyLoad load, String group, String mode) {
        return new TrustModePolicy(() -> load).check(GLOBEX, group, mode);
    }

    @Test
    void aTargetModeThePolicyDoesNotExpectFailsThePreflight() {
        PreflightCheck c = check(PolicyLoad.loaded("trust.yaml", POLICY), "wg-globex", "SANDBOX_CODE_ONLY");
        assertThat(c.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(c.text()).isEqualTo("target execution mode SANDBOX_CODE_ONLY breaks the trust policy, which "
                + "expects SANDBOX_PROCESS (group wg-globex)");
    }

    @Test
    void theExpectedModeOrItsOldNameOrAnUnsetModeRunningAsTheDefaultPasses() {
        assertThat(check(PolicyLoad.loaded("trust.yaml", POLICY), "wg-globex", "SANDBOXED").outcome())
                .isEqualTo(Outcome.PASSED);
        assertThat(check(PolicyLoad.loaded("trust.yaml", POLICY), "", "").text())
                .startsWith("target execution mode unset (runs as UNSANDBOXED) is what the policy expects");
    }

    @Test
    void withoutAUsablePolicyTheModeIsNotCheckedAndThePreflightSaysWhy() {
        assertThat(check(PolicyLoad.none(), "wg-globex", "SANDBOX_CODE_ONLY"))
                .isEqualTo(PreflightCheck.skipped("trust", "no trust policy is configured: the target execution "
                        + "mode is not checked"));
        PreflightCheck invalid = check(PolicyLoad.invalid("trust.yaml", List.of("line 3: unknown mode FOO")),
                "wg-globex", "SANDBOX_PROCESS");
        assertThat(invalid.outcome()).isEqualTo(Outcome.WARNING);
        assertThat(invalid.text()).contains("line 3: unknown mode FOO");
        assertThat(check(PolicyLoad.loaded("trust.yaml", POLICY), "wg-initech", "SANDBOX_PROCESS").text())
                .isEqualTo("the trust policy expects nothing of group wg-initech in ap-dedicated-globex");
    }
}
