package dev.pitwall.ops.connect;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * A connection URL cut into its parts by hand, so that a bad one is answered with the part that is wrong and never
 * with the text itself: a URL may hold a password, and the JDK's parse errors repeat the whole input.
 *
 * @param userInfo the raw (still percent-encoded) {@code user:password}, or null
 * @param port     -1 when none is given
 * @param rest     the raw path, query and fragment ("" when none)
 */
public record UrlParts(String scheme, String userInfo, String host, int port, String rest) {

    private static final String USERINFO_PUNCTUATION = "-._~!$&'()*+,;=:";
    private static final String ENCODE_HINT = "must be percent-encoded (a space as %20, % as %25, @ as %40, / as "
            + "%2F, ^ as %5E)";

    /**
     * @param what    what the URL is for, to start messages with ("Redis URL")
     * @param schemes the schemes accepted
     * @throws IllegalArgumentException naming the part that is wrong, never repeating the input
     */
    public static UrlParts parse(String url, String what, Set<String> schemes) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no " + what + " given");
        }
        String text = url.trim();
        int separator = text.indexOf("://");
        String scheme = separator < 0 ? "" : text.substring(0, separator).toLowerCase(Locale.ROOT);
        if (!schemes.contains(scheme)) {
            throw new IllegalArgumentException(what + " must start with " + String.join(" or ",
                    schemes.stream().sorted().map(s -> s + "://").toList()));
        }
        String afterScheme = text.substring(separator + 3);
        // the last @ ends the user part: a password may hold an unencoded @, a host never does
        int at = afterScheme.lastIndexOf('@');
        String userInfo = at < 0 ? null : afterScheme.substring(0, at);
        String hostAndRest = afterScheme.substring(at + 1);
        if (userInfo != null) {
            checkUserInfo(userInfo, what);
        }
        int restStart = firstOf(hostAndRest, "/?#");
        String hostPort = hostAndRest.substring(0, restStart);
        String rest = hostAndRest.substring(restStart);
        int colon = hostPort.startsWith("[") ? hostPort.indexOf(':', Math.max(0, hostPort.indexOf(']')))
                : hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        if (host.isEmpty()) {
            throw new IllegalArgumentException(what + " has no host");
        }
        int port = colon < 0 ? -1 : port(hostPort.substring(colon + 1), what);
        check(scheme + "://" + hostPort, what + ": the host is not a valid host name or address");
        check(scheme + "://h" + rest, what + ": the part after the host has a character that " + ENCODE_HINT);
        return new UrlParts(scheme, userInfo, host, port, rest);
    }

    /** The user name, decoded; null when the URL has none. */
    public String user() {
        if (userInfo == null) {
            return null;
        }
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
        return user.isEmpty() ? null : decode(user);
    }

    /** The password, decoded; null when the URL has none. */
    public String password() {
        int colon = userInfo == null ? -1 : userInfo.indexOf(':');
        return colon < 0 ? null : decode(userInfo.substring(colon + 1));
    }

    /** The path without its leading slash, query or fragment ("" when none). */
    public String path() {
        int end = firstOf(rest, "?#");
        String path = rest.substring(0, end);
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static void checkUserInfo(String userInfo, String what) {
        int colon = userInfo.indexOf(':');
        for (int i = 0; i < userInfo.length(); i++) {
            char c = userInfo.charAt(i);
            boolean escape = c == '%' && hex(userInfo, i + 1) && hex(userInfo, i + 2);
            if (escape) {
                i += 2;
            } else if (!Character.isLetterOrDigit(c) && USERINFO_PUNCTUATION.indexOf(c) < 0) {
                String part = colon >= 0 && i > colon ? "the password" : "the user name";
                throw new IllegalArgumentException(what + ": " + part + " has a character that " + ENCODE_HINT);
            }
        }
    }

    private static boolean hex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }

    private static int port(String text, String what) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(what + ": the port must be a number from 1 to 65535");
    }

    private static void check(String url, String problem) {
        try {
            new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static int firstOf(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
