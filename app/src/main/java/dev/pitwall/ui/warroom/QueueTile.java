package dev.pitwall.ui.warroom;

import dev.pitwall.ops.queues.QueueBoard;
import dev.pitwall.ops.queues.QueueRow;
import dev.pitwall.ops.queues.TrendPoint;
import dev.pitwall.ops.timeline.QueueSpikes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The queue tile: waiting and active jobs per queue with the waiting trend, warning on a depth spike. */
final class QueueTile {

    private QueueTile() {
    }

    static TileState of(QueueBoard board, Map<String, List<TrendPoint>> trends) {
        if (board.rows().isEmpty()) {
            return TileState.waiting("no BullMQ queues found");
        }
        List<TileLine> lines = new ArrayList<>();
        long waiting = 0;
        long active = 0;
        for (QueueRow row : board.rows()) {
            List<TrendPoint> trend = trends.getOrDefault(row.name(), List.of());
            boolean spiking = !QueueSpikes.spikes(row.name(), recent(trend, board.sampledAt())).isEmpty();
            long queued = row.stats().queued();
            waiting += queued;
            active += row.stats().active();
            lines.add(new TileLine(spiking ? TileStatus.WARNING : TileStatus.OK, row.name() + "  "
                    + String.format("%,d", queued), trend.stream().map(p -> (double) p.waiting()).toList(), -1));
        }
        TileStatus worst = lines.stream().map(TileLine::status).reduce(TileStatus.OK, TileStatus::worst);
        return new TileState(worst, "waiting per queue: " + String.format("%,d", waiting) + " in all, "
                + String.format("%,d", active) + " active" + (worst == TileStatus.WARNING ? " \u00b7 SPIKE" : ""),
                FleetTiles.worstFirst(lines));
    }

    /** The points of the last lookback and the one before it: a spike that is still on the board. */
    private static List<TrendPoint> recent(List<TrendPoint> trend, Instant now) {
        Instant from = now.minus(QueueSpikes.LOOKBACK.multipliedBy(2));
        return trend.stream().filter(p -> !p.at().isBefore(from)).toList();
    }
}
