package dev.pitwall.ops.guard;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The kube context names that mean production, as glob patterns ({@code *} any run of characters, {@code ?} one),
 * compared without regard to case: a connection through such a context asks for the typed confirmation even when
 * its profile is not marked production (a context given on the command line has no profile to mark).
 */
public final class ProductionContexts {

    /** The settings' default. */
    public static final List<String> DEFAULT = List.of("prod*");

    private final List<String> patterns;
    private final List<Pattern> compiled;

    public ProductionContexts(List<String> patterns) {
        this.patterns = patterns == null ? DEFAULT : patterns.stream().map(String::strip).filter(p -> !p.isEmpty())
                .toList();
        this.compiled = this.patterns.stream().map(ProductionContexts::glob).toList();
    }

    /** Patterns separated by commas or spaces ("prod*, live-*"), as the Profiles editor shows them. */
    public static ProductionContexts parse(String text) {
        return new ProductionContexts(List.of(text == null ? new String[0] : text.split("[,\\s]+")));
    }

    public boolean matches(String context) {
        return context != null && compiled.stream().anyMatch(p -> p.matcher(context).matches());
    }

    public List<String> patterns() {
        return patterns;
    }

    /** "prod*, live-*". */
    public String text() {
        return String.join(", ", patterns);
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
