package dev.pitwall.ui.warroom;

import dev.pitwall.model.ExecutionMode;
import dev.pitwall.ops.trust.GroupTrust;
import dev.pitwall.ops.trust.TrustReport;
import dev.pitwall.testing.ChangedGroups;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The trust tile shows a change by revision as the Trust screen does: the engine's words, its severity. */
class TrustTileTest {

    private static TileState tile(GroupTrust g) {
        return TrustTile.of(new TrustReport(ChangedGroups.AT, List.of(g), List.of()),
                ChangedGroups.AT.plus(Duration.ofHours(2)));
    }

    @Test
    void aChangeThatStripsNpmIsACriticalLineNamingTheRevisionAndTheModes() {
        GroupTrust g = ChangedGroups.changed(ExecutionMode.SANDBOX_PROCESS, ExecutionMode.SANDBOX_CODE_ONLY);

        assertThat(tile(g).status()).isEqualTo(TileStatus.CRITICAL);
        assertThat(tile(g).lines().get(0)).isEqualTo(TileLine.of(TileStatus.CRITICAL, "wg-globex: " + g.driftText()));
        assertThat(g.driftText()).contains("revision 5", "namespace migration to ap-dedicated-globex",
                "SANDBOX_PROCESS to SANDBOX_CODE_ONLY", "npm STRIPPED");
    }

    @Test
    void aChangeThatStripsNothingIsAWarning() {
        GroupTrust g = ChangedGroups.changed(ExecutionMode.SANDBOX_PROCESS, ExecutionMode.SANDBOX_CODE_AND_PROCESS);

        assertThat(tile(g).status()).isEqualTo(TileStatus.WARNING);
        assertThat(tile(g).lines().get(0)).isEqualTo(TileLine.of(TileStatus.WARNING, "wg-globex: " + g.driftText()));
    }
}
