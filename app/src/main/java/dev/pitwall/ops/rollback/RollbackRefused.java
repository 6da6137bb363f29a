package dev.pitwall.ops.rollback;

import java.util.List;

/** A rollback that was refused before anything was written: the reasons, each a sentence an operator can act on. */
public final class RollbackRefused extends Exception {

    private final List<String> reasons;

    public RollbackRefused(List<String> reasons) {
        super("rollback refused, nothing written: " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
