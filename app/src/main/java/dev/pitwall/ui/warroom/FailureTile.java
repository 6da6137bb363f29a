package dev.pitwall.ui.warroom;

import dev.pitwall.ops.timeline.FailureBuckets;
import dev.pitwall.ops.timeline.FailureSpikes;

import java.util.Arrays;
import java.util.List;

/** The failure-rate tile: failed runs in the latest bucket against the one before, and over the last hour. */
final class FailureTile {

    private FailureTile() {
    }

    static TileState of(FailureBuckets b) {
        long[] counts = b.counts();
        boolean spiking = FailureSpikes.spikes(b).stream()
                .anyMatch(e -> !e.at().isBefore(b.bucketStart(Math.max(0, counts.length - 2))));
        long latest = b.latest();
        TileStatus status = spiking ? TileStatus.CRITICAL : latest > 0 ? TileStatus.WARNING : TileStatus.OK;
        long minutes = b.bucket().toMinutes();
        List<Double> trend = Arrays.stream(counts).mapToObj(c -> (double) c).toList();
        return new TileState(status, latest + " failed in the last " + minutes + " min" + (spiking ? " \u00b7 SPIKE"
                : ""), List.of(
                new TileLine(status, "last " + minutes + " min: " + latest + " failed", trend, -1),
                TileLine.of(TileStatus.OK.worst(b.previous() > 0 ? TileStatus.WARNING : TileStatus.OK),
                        minutes + " min before: " + b.previous() + " failed"),
                TileLine.of(b.total() > 0 ? TileStatus.WARNING : TileStatus.OK, "last hour: " + b.total()
                        + " failed")));
    }
}
