package dev.pitwall.ops.trust;

import java.time.Instant;

/** The revision in which a workload's declared mode took its current value. Any part may be null when unknown. */
public record RevisionChange(long revision, Instant time, String changeCause, String image) {
}
