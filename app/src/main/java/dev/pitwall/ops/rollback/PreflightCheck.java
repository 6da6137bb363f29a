package dev.pitwall.ops.rollback;

/**
 * One finding of a rollback's preflight. Only a {@link Outcome#FAILED} finding stops the rollback; a warning is shown
 * and the operator decides.
 *
 * @param area what was checked: "access", "dry run", "plan", "volume", "trust"
 */
public record PreflightCheck(String area, Outcome outcome, String text) {

    /** Each outcome with an icon and a word, so that it never depends on colour alone. */
    public enum Outcome {
        PASSED("\u2714", "passed"),
        WARNING("\u26A0", "warning"),
        FAILED("\u2716", "failed"),
        SKIPPED("\u2013", "not checked");

        private final String icon;
        private final String word;

        Outcome(String icon, String word) {
            this.icon = icon;
            this.word = word;
        }

        /** "✔ passed", "✖ failed", ... */
        public String label() {
            return icon + " " + word;
        }
    }

    public static PreflightCheck passed(String area, String text) {
        return new PreflightCheck(area, Outcome.PASSED, text);
    }

    public static PreflightCheck warning(String area, String text) {
        return new PreflightCheck(area, Outcome.WARNING, text);
    }

    public static PreflightCheck failed(String area, String text) {
        return new PreflightCheck(area, Outcome.FAILED, text);
    }

    public static PreflightCheck skipped(String area, String text) {
        return new PreflightCheck(area, Outcome.SKIPPED, text);
    }
}
