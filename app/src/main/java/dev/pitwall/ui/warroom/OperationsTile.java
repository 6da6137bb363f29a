package dev.pitwall.ui.warroom;

import dev.pitwall.ops.canary.CanaryRecord;
import dev.pitwall.ui.operations.OperationEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The operations tile: every running replay, rollback or canary from the Operations panel with its progress, and
 * those that failed (so that a failed rollback stays on the board until someone clears it).
 */
final class OperationsTile {

    private OperationsTile() {
    }

    /** How long an aborted canary stays on the board: long enough for everyone in the room to read why. */
    static final Duration ABORT_SHOWN_FOR = Duration.ofHours(1);

    /**
     * @param canaries the canaries the cluster and journals hold (running in any console or terminal, not only here)
     * @param now      for how long ago a canary was aborted
     */
    static TileState of(List<OperationEntry> entries, List<CanaryRecord> canaries, Instant now) {
        List<TileLine> lines = new ArrayList<>();
        for (CanaryRecord c : canaries) {
            canaryLine(c, now).ifPresent(lines::add);
        }
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

    private static java.util.Optional<TileLine> canaryLine(CanaryRecord c, Instant now) {
        String name = "Canary " + c.workload().name() + " \u2192 " + c.settings().image();
        double progress = (c.step() + 1) / (double) c.settings().steps().size();
        return switch (c.phase()) {
            case RUNNING, PROMOTING -> java.util.Optional.of(new TileLine(TileStatus.RUNNING, name + "  "
                    + c.phase().name().toLowerCase(java.util.Locale.ROOT) + " \u00b7 " + c.stepText(), List.of(),
                    progress));
            case PAUSED -> java.util.Optional.of(new TileLine(TileStatus.WARNING, name + "  PAUSED \u00b7 "
                    + c.stepText(), List.of(), progress));
            case ABORTED -> c.abortReason() != null && c.abortReason().at() != null
                    && c.abortReason().at().isAfter(now.minus(ABORT_SHOWN_FOR))
                    ? java.util.Optional.of(TileLine.of(TileStatus.CRITICAL, name + "  ABORTED by "
                    + c.abortReason().gate() + ": " + c.abortReason().measured() + " (threshold "
                    + c.abortReason().threshold() + ")"))
                    : java.util.Optional.empty();
            case PROMOTED -> java.util.Optional.empty();
        };
    }
}
