package dev.pitwall.ui.rollback;

/**
 * One check as the wizard shows it, in the preflight or during verification.
 *
 * @param state "✔ passed", "✖ failed", "… waiting": an icon and a word, never colour alone
 */
public record CheckRow(String state, String check, String detail, boolean failed, boolean warning) {

    public static final String PASSED = "\u2714 passed";
    public static final String FAILED = "\u2716 failed";
    public static final String WAITING = "\u2026 waiting";
}
