package dev.pitwall.ops.trust;

import java.time.Instant;
import java.util.List;

/**
 * Every group's trust settings at one moment, plus notes on what could not be read (no Redis: no effective modes).
 */
public record TrustReport(Instant at, List<GroupTrust> groups, List<String> notes) {

    public TrustReport {
        groups = List.copyOf(groups);
        notes = List.copyOf(notes);
    }

    public boolean drifting() {
        return groups.stream().anyMatch(GroupTrust::drifting);
    }

    public List<GroupTrust> drifts() {
        return groups.stream().filter(GroupTrust::drifting).toList();
    }
}
