package dev.pitwall.ui.warroom;

import java.util.List;

/**
 * One line of a tile: its status (glyph and word are drawn in front of the text), the text, and optionally a trend
 * drawn as a sparkline after it, or a progress (0..1, or -1 for none) drawn as a bar.
 */
public record TileLine(TileStatus status, String text, List<Double> trend, double progress) {

    public TileLine {
        trend = trend == null ? List.of() : List.copyOf(trend);
    }

    public static TileLine of(TileStatus status, String text) {
        return new TileLine(status, text, List.of(), -1);
    }
}
