package dev.pitwall.model;

import java.time.Instant;

/**
 * A worker's cache volume as last reported by its kubelet, with the fill forecast when one can be made.
 *
 * @param fillBytesPerSecond fitted growth rate, or null when there are too few samples or usage is flat or falling
 * @param fullInSeconds      seconds until full at that rate (from the last sample), or null likewise
 */
public record VolumeReading(long usedBytes, long capacityBytes, Double fillBytesPerSecond, Long fullInSeconds,
                            Instant sampledAt) {

    /** Used share in percent, or null when the capacity is unknown (0). */
    public Double percent() {
        return capacityBytes <= 0 ? null : 100.0 * usedBytes / capacityBytes;
    }
}
