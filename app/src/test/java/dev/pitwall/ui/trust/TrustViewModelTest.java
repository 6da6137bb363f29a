package dev.pitwall.ui.trust;

import dev.pitwall.files.HashChainedAuditLog;
import dev.pitwall.ops.exec.DirectExecutor;
import dev.pitwall.ops.trust.DriftSink;
import dev.pitwall.ops.trust.DriftWatch;
import dev.pitwall.ops.trust.GroupTrust;
import dev.pitwall.ops.trust.TrustSession;
import dev.pitwall.ui.queues.FxHandoff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Trust screen's model without a stage: rows, alerts within one poll, and what the profile lacks. */
class TrustViewModelTest {

    @TempDir
    Path dir;
    private final TrustWorld world = new TrustWorld();
    private final DirectExecutor executor = new DirectExecutor();
    private final List<String> alerts = new ArrayList<>();
    private final DriftSink sink = new DriftSink() {
        @Override
        public void raise(GroupTrust group) {
            alerts.add("CRITICAL " + group.title());
        }

        @Override
        public void clear(String key, String description) {
            alerts.add("CLEARED " + description);
        }
    };

    private TrustViewModel model(TrustSession session) {
        return new TrustViewModel(session, executor, FxHandoff.immediate(), new DriftWatch(sink), task -> { },
                ZoneOffset.UTC, "alice");
    }

    @Test
    void driftIsShownInWordsAndRaisedOnTheFirstPollAndClearedOnTheNextOnceItMatches() {
        TrustViewModel model = model(world.session(new HashChainedAuditLog(dir.resolve("a.jsonl")), true, false));
        model.start();
        executor.runScheduled();
        assertThat(model.rows()).extracting(TrustRow::status).containsExactly(TrustTexts.OK, TrustTexts.DRIFT);
        TrustRow globex = model.rows().get(1);
        assertThat(globex.effective()).isEqualTo("SANDBOX_CODE_ONLY \u00d72");
        assertThat(globex.npm()).isEqualTo("\u2716 stripped");
        assertThat(globex.drift()).isEqualTo("declared differs from expected");
        assertThat(model.summaryProperty().get()).startsWith("2 groups \u00b7 \u2716 1 drifting");
        assertThat(alerts).containsExactly("CRITICAL group wg-globex");

        world.cluster.change(TrustWorld.GLOBEX, w -> new dev.pitwall.ops.trust.TrustWorkload(w.ref(), w.groupId(),
                w.container(), dev.pitwall.ops.trust.DeclaredEnv.value("SANDBOX_PROCESS"), 2, w.pods(), List.of()));
        world.beat("10.42.2.10", "SANDBOX_PROCESS");
        executor.runScheduled();
        assertThat(model.rows().get(1).effective()).as("mixed while rolling")
                .isEqualTo("\u26A0 mixed: SANDBOX_PROCESS \u00d71, SANDBOX_CODE_ONLY \u00d71");
        world.beat("10.42.2.11", "SANDBOX_PROCESS");
        executor.runScheduled();
        assertThat(model.rows()).extracting(TrustRow::status).containsOnly(TrustTexts.OK);
        assertThat(alerts).containsExactly("CRITICAL group wg-globex", "CRITICAL group wg-globex",
                "CLEARED group wg-globex matches again");
    }

    @Test
    void whatTheProfileLacksIsSaidAndFixIsNotOfferedWhereItCannotBe() {
        TrustViewModel model = model(world.session(new HashChainedAuditLog(dir.resolve("a.jsonl")), false, true));
        assertThat(model.missingProperty().get()).isEqualTo("Effective modes are not shown: this profile has no "
                + "Redis. Smoke tests are not available: this profile has no platform API. This is a read-only "
                + "connection (profile test): no fix is offered.");
        model.start();
        executor.runScheduled();
        assertThat(model.rows().get(1).effective()).isEqualTo("unknown: heartbeats not read \u00d72");
        assertThat(model.whyNoFix(model.rows().get(1))).isEqualTo("read-only connection (profile test)");
        assertThat(model.whyNoFix(null)).isEqualTo("select a group");
        model.smoke(model.rows().get(1));
        assertThat(model.messageProperty().get()).isEqualTo("No smoke test: this profile has no platform API.");
    }
}
