package dev.pitwall.ops.guard;

/**
 * Who confirms a write that needs it: the text typed in the console, a terminal's answer, {@code --yes}. The guard
 * asks only when the connection (or the write) needs a confirmation, and says what must be typed.
 */
@FunctionalInterface
public interface Confirmer {

    /**
     * @param expected the exact text that confirms ({@code <context>/<namespace>/<workload>} on production)
     * @param what     the write, in words, for a prompt
     * @return how it was confirmed
     * @throws WriteRefused when it was not
     */
    Confirmation confirm(String expected, String what);

    /** The text the user typed (in the console, before pressing the button), compared exactly. */
    static Confirmer typed(String text) {
        return (expected, what) -> {
            String typed = text == null ? "" : text.strip();
            if (typed.isEmpty()) {
                throw new WriteRefused(what + " needs the typed confirmation " + expected);
            }
            if (!typed.equals(expected)) {
                throw new WriteRefused("not confirmed: '" + typed + "' is not " + expected + " (type it exactly)");
            }
            return new Confirmation("typed " + expected);
        };
    }

    /** {@code --yes} on the command line: confirmed without typing, recorded as such. */
    static Confirmer yes() {
        return (expected, what) -> new Confirmation("--yes");
    }

    /**
     * A write that is part of an operation already confirmed (the rollback an abort makes after a promotion had
     * begun): recorded as such.
     */
    static Confirmer partOf(String operation) {
        return (expected, what) -> new Confirmation("part of " + operation);
    }

    /** Nobody is there to confirm (no terminal and no --yes): every write that needs a confirmation is refused. */
    static Confirmer nobody(String why) {
        return (expected, what) -> {
            throw new WriteRefused(what + " needs the typed confirmation " + expected + ", and " + why);
        };
    }
}
