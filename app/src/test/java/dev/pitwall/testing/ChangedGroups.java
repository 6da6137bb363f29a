package dev.pitwall.testing;

import dev.pitwall.model.ExecutionMode;
import dev.pitwall.ops.trust.DeclaredEnv;
import dev.pitwall.ops.trust.DriftKind;
import dev.pitwall.ops.trust.GroupTrust;
import dev.pitwall.ops.trust.ModeChange;
import dev.pitwall.ops.trust.TrustPolicy;
import dev.pitwall.ops.trust.WorkloadKind;
import dev.pitwall.ops.trust.WorkloadRef;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

/** Rows of the trust report for a group whose latest revision changed its mode, as the engine makes them. */
public final class ChangedGroups {

    public static final Instant AT = Instant.parse("2026-11-28T02:12:00Z");

    private ChangedGroups() {
    }

    /** wg-globex changed by revision 5 from {@code from} to {@code to}, its history expecting {@code from}. */
    public static GroupTrust changed(ExecutionMode from, ExecutionMode to) {
        return new GroupTrust("wg-globex", "ap-dedicated-globex", new WorkloadRef("ap-dedicated-globex",
                WorkloadKind.DEPLOYMENT, "activepieces-worker-globex"),
                TrustPolicy.Expectation.fromHistory(from, "revisions 3-4"), DeclaredEnv.value(to.name()), "worker",
                2, List.of(), List.of(), to.allowsNpm(), EnumSet.of(DriftKind.CHANGED_BY_REVISION), null, null,
                new ModeChange(5, AT, "namespace migration to ap-dedicated-globex", from, to));
    }
}
