package dev.pitwall.ops.connect;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that decides what of a text may be shown: every message, log line, JSON output, screen text and
 * exception text that can carry a URL or an environment variable's value passes through it. A password in a URL
 * ({@code user:password@}) and the value of a variable whose name says it is secret ({@code AP_API_KEY=...}) become
 * {@value #MASK}. It works on text that does not parse, since that is where secrets leak: error messages that quote
 * their input.
 */
public final class Redaction {

    public static final String MASK = "***";

    private static final String[] SECRET_WORDS = {"KEY", "TOKEN", "SECRET", "PASSWORD"};
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");
    private static final Pattern ASSIGNMENT = Pattern.compile("\\b([A-Za-z_][A-Za-z0-9_]*)=([^\\s,;&}\\]\"']+)");
    /** What a hint shows in place of a value (SECRET_NAME:KEY), and the mask itself: nothing to hide. */
    private static final Pattern PLACEHOLDER = Pattern.compile("[A-Z][A-Z_]*(:[A-Z][A-Z_]*)?|\\*\\*\\*");

    private Redaction() {
    }

    /** Whether a variable's name says it holds a secret: it contains KEY, TOKEN, SECRET or PASSWORD, in any case. */
    public static boolean secretName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (upper.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** One URL, safe to show: {@code redis://u:***@host:6379}. */
    public static String url(String url) {
        return url == null ? null : text(url);
    }

    /** Any text with the passwords of the URLs in it, and the values of secret-looking NAME=VALUE pairs, masked. */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return assignments(urls(text));
    }

    /**
     * From each {@code scheme://} to the next one (or the end of the line), the last @ ends a user part: a password
     * may hold spaces, slashes and @ when it was not encoded, so nothing shorter is safe.
     */
    private static String urls(String text) {
        StringBuilder out = new StringBuilder();
        Matcher scheme = SCHEME.matcher(text);
        int copied = 0;
        while (scheme.find(copied)) {
            int start = scheme.end();
            int next = scheme.find(start) ? scheme.start() : text.length();
            int lineEnd = text.indexOf('\n', start);
            int end = lineEnd >= 0 && lineEnd < next ? lineEnd : next;
            int at = text.lastIndexOf('@', end - 1);
            out.append(text, copied, start);
            if (at >= start) {
                String userInfo = text.substring(start, at);
                int colon = userInfo.indexOf(':');
                out.append(colon < 0 ? userInfo : userInfo.substring(0, colon) + ":" + MASK);
                out.append(text, at, end);
            } else {
                out.append(text, start, end);
            }
            copied = end;
        }
        return out.append(text.substring(copied)).toString();
    }

    private static String assignments(String text) {
        Matcher m = ASSIGNMENT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean hidden = secretName(m.group(1)) && !PLACEHOLDER.matcher(m.group(2)).matches();
            String replacement = hidden ? m.group(1) + "=" + MASK : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
