package dev.pitwall.cli;

import java.time.Duration;
import java.util.Locale;

/** Durations on the command line: "90" or "90s", "2m", "1h". */
public final class DurationText {

    private DurationText() {
    }

    /** @throws UsageException naming {@code option} when the text is no duration */
    public static Duration parse(String option, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("h")) {
            unit = 3600;
        } else if (t.endsWith("m")) {
            unit = 60;
        }
        String number = t.endsWith("h") || t.endsWith("m") || t.endsWith("s") ? t.substring(0, t.length() - 1) : t;
        try {
            long n = Long.parseLong(number);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(n * unit);
        } catch (NumberFormatException e) {
            throw new UsageException("option " + option + " needs a duration like 90s, 2m or 1h, got: " + text);
        }
    }
}
