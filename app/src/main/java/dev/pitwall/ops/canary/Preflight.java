package dev.pitwall.ops.canary;

import java.util.List;

/** The checks before a canary may start; it starts only when every one passed. */
public record Preflight(List<Check> checks) {

    public Preflight {
        checks = List.copyOf(checks);
    }

    public boolean ok() {
        return checks.stream().allMatch(Check::ok);
    }

    public List<String> problems() {
        return checks.stream().filter(c -> !c.ok()).map(c -> c.name() + ": " + c.detail()).toList();
    }

    /** One check, its outcome, and what it found (for a failure: what to do about it). */
    public record Check(String name, boolean ok, String detail) {
    }
}
