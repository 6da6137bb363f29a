package dev.pitwall.ui.warroom;

import dev.pitwall.ui.operations.OperationEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * The operations tile: every running replay, rollback or canary from the Operations panel with its progress, and
 * those that failed (so that a failed rollback stays on the board until someone clears it).
 */
final class OperationsTile {

    private OperationsTile() {
    }

    static TileState of(List<OperationEntry> entries) {
        List<TileLine> lines = new ArrayList<>();
        for (OperationEntry e : entries) {
            String title = e.task().getTitle() == null || e.task().getTitle().isBlank() ? "operation"
                    : e.task().getTitle();
            String figures = e.figuresProperty().get();
            if (!e.isFinished()) {
                double progress = e.task().getProgress();
                String percent = progress >= 0 ? Math.round(progress * 100) + "% \u00b7 " : "";
                lines.add(new TileLine(TileStatus.RUNNING, title + "  " + percent + (figures.isEmpty()
                        ? e.stateProperty().get() : figures), List.of(), progress));
            } else if (e.stateProperty().get().startsWith("failed")) {
                lines.add(TileLine.of(TileStatus.CRITICAL, title + ": " + e.stateProperty().get()));
            }
        }
        long running = lines.stream().filter(l -> l.status() == TileStatus.RUNNING).count();
        if (lines.isEmpty()) {
            return new TileState(TileStatus.IDLE, "no replay, rollback or canary running", List.of());
        }
        TileStatus worst = lines.stream().map(TileLine::status).reduce(TileStatus.RUNNING, TileStatus::worst);
        return new TileState(worst, running + " running", FleetTiles.worstFirst(lines));
    }
}
