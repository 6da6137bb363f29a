package dev.pitwall.ui.warroom;

import java.util.List;

/** What one tile shows: its overall status with a one-line headline, and its lines, worst first. */
public record TileState(TileStatus status, String headline, List<TileLine> lines) {

    public TileState {
        lines = List.copyOf(lines);
    }

    public static TileState waiting(String why) {
        return new TileState(TileStatus.NO_DATA, why, List.of());
    }
}
