package dev.pitwall.ops.runs;

import java.util.regex.Pattern;

/**
 * The shape of an error message with the parts that differ between runs taken out: ids, numbers, uuids, quoted
 * values, paths' variable parts. Runs that failed for the same reason get the same signature, so hundreds of
 * thousands of failures fold into a handful of groups.
 */
public final class ErrorSignature {

    private static final Pattern UUID = Pattern.compile(
            "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|`[^`]*`");
    /** Activepieces ids: 21 alphanumerics (nanoid); also any long token mixing letters and digits. */
    private static final Pattern ID = Pattern.compile("\\b(?=[A-Za-z0-9_-]*\\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{8,}\\b");
    private static final Pattern HEX = Pattern.compile("\\b0x[0-9a-fA-F]+\\b|\\b[0-9a-fA-F]{12,}\\b");
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private ErrorSignature() {
    }

    public static String of(String message) {
        if (message == null || message.isBlank()) {
            return "(no message)";
        }
        String s = UUID.matcher(message).replaceAll("<uuid>");
        s = QUOTED.matcher(s).replaceAll("<value>");
        s = HEX.matcher(s).replaceAll("<hex>");
        s = ID.matcher(s).replaceAll("<id>");
        s = NUMBER.matcher(s).replaceAll("<n>");
        s = SPACES.matcher(s).replaceAll(" ").trim();
        return s.length() <= 300 ? s : s.substring(0, 300);
    }
}
