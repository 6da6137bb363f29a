package dev.pitwall.ops.guard;

/**
 * The guard refused a write before anything reached a back-end: read-only, another target, a recreated workload, a
 * lock held elsewhere, a missing confirmation. The message is one line starting with "refused: "; the command line
 * exits 3 ("refused, nothing changed").
 */
public class WriteRefused extends RuntimeException {

    public WriteRefused(String reason) {
        super("refused: " + reason);
    }

    /** The reason without the "refused: " in front. */
    public String reason() {
        return getMessage().substring("refused: ".length());
    }
}
