package dev.pitwall.ops.fleet;

import java.time.Instant;

/** A volume's used bytes at one moment. */
public record VolumeSample(Instant at, long usedBytes) {
}
