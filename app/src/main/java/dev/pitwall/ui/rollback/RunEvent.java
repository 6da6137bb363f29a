package dev.pitwall.ui.rollback;

import dev.pitwall.ops.rollback.RollbackPlan;
import dev.pitwall.ops.rollback.Verification;

import java.util.List;

/**
 * What a rollback operation reports to the wizard as it goes: a write, a verification attempt, and how it ended.
 *
 * @param verification the latest attempt (null before the first)
 * @param reasons      why it was refused (nothing written), or the error
 */
record RunEvent(Kind kind, RollbackPlan plan, String text, Verification verification, List<String> reasons) {

    enum Kind { WRITING, CHECKED, VERIFIED, VERIFICATION_FAILED, REFUSED, ERROR }

    boolean finished() {
        return kind == Kind.VERIFIED || kind == Kind.VERIFICATION_FAILED || kind == Kind.REFUSED
                || kind == Kind.ERROR;
    }
}
