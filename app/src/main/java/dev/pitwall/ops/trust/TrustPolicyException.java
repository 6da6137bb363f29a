package dev.pitwall.ops.trust;

import java.util.List;

/** A policy file that cannot be used: every problem found, each naming where in the file it is. */
public final class TrustPolicyException extends RuntimeException {

    private final List<String> problems;

    public TrustPolicyException(String source, List<String> problems) {
        super("trust policy " + source + " cannot be used:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
