package dev.pitwall.ops.guard;

/**
 * How a write was confirmed, as the audit records it: {@code typed <text>}, {@code --yes}, or why none was needed.
 */
public record Confirmation(String how) {

    static Confirmation notNeeded(String why) {
        return new Confirmation("not needed: " + why);
    }
}
