package dev.pitwall.ops.rollback;

/**
 * One difference between two revisions. {@code trust} marks a change of the execution mode: it changes what user code
 * may do on the workers, so it is shown apart from ordinary configuration.
 */
public record Change(String area, String key, String before, String after, boolean trust) {

    public String describe() {
        return (trust ? "TRUST " : "") + area + " " + key + ": " + (before == null ? "(none)" : before) + " -> "
                + (after == null ? "(none)" : after);
    }
}
