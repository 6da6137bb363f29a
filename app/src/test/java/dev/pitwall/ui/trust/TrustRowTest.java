package dev.pitwall.ui.trust;

import dev.pitwall.model.ExecutionMode;
import dev.pitwall.ops.trust.GroupTrust;
import dev.pitwall.testing.ChangedGroups;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** A change by revision on the Trust screen: the engine's words (as on the war room's tile) and its severity. */
class TrustRowTest {

    @Test
    void aChangeThatStripsNpmReadsAsDriftWithTheRevisionAndAnExpectationByHistory() {
        GroupTrust g = ChangedGroups.changed(ExecutionMode.SANDBOX_PROCESS, ExecutionMode.SANDBOX_CODE_ONLY);

        TrustRow row = TrustRow.of(g, ZoneOffset.UTC, null);

        assertThat(row.status()).isEqualTo(TrustTexts.DRIFT);
        assertThat(row.drift()).isEqualTo(g.driftText()).contains("revision 5", "SANDBOX_PROCESS to SANDBOX_CODE_ONLY");
        assertThat(row.expected()).isEqualTo("SANDBOX_PROCESS (by history)");
    }

    @Test
    void aChangeThatStripsNothingReadsAsAWarning() {
        GroupTrust g = ChangedGroups.changed(ExecutionMode.SANDBOX_PROCESS, ExecutionMode.UNSANDBOXED);

        TrustRow row = TrustRow.of(g, ZoneOffset.UTC, null);

        assertThat(row.status()).isEqualTo(TrustTexts.CHANGED);
        assertThat(row.drift()).isEqualTo(g.driftText());
    }
}
