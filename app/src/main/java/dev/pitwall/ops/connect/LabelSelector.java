package dev.pitwall.ops.connect;

import java.util.regex.Pattern;

/** An equality label selector LABEL=VALUE: the only kind Pitwall uses (set-based selectors are not supported). */
public record LabelSelector(String key, String value) {

    private static final Pattern KEY = Pattern.compile("([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    private static final Pattern VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");

    public static LabelSelector parse(String text) {
        if (text == null || !text.contains("=") || text.contains("!=") || text.contains(",") || text.contains("(")) {
            throw new IllegalArgumentException("selector must be one equality LABEL=VALUE, got: " + text);
        }
        String[] parts = text.trim().split("==?", 2);
        if (!KEY.matcher(parts[0]).matches() || !VALUE.matcher(parts[1]).matches()) {
            throw new IllegalArgumentException("not a valid label selector: " + text);
        }
        return new LabelSelector(parts[0], parts[1]);
    }

    @Override
    public String toString() {
        return key + "=" + value;
    }
}
