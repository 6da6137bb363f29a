package dev.pitwall.ui.warroom;

/** A tile's or a line's status: always shown as a glyph and a word, the colour only repeats it. */
public enum TileStatus {
    OK("\u2714", "OK", "wr-ok"),
    WARNING("\u26A0", "WARNING", "wr-warning"),
    CRITICAL("\u2716", "CRITICAL", "wr-critical"),
    RUNNING("\u25B6", "RUNNING", "wr-running"),
    NO_DATA("\u2026", "NO DATA", "wr-muted"),
    IDLE("\u25CB", "IDLE", "wr-muted");

    private final String glyph;
    private final String word;
    private final String styleClass;

    TileStatus(String glyph, String word, String styleClass) {
        this.glyph = glyph;
        this.word = word;
        this.styleClass = styleClass;
    }

    public String glyph() {
        return glyph;
    }

    public String word() {
        return word;
    }

    /** "✖ CRITICAL". */
    public String label() {
        return glyph + " " + word;
    }

    public String styleClass() {
        return styleClass;
    }

    /** The worse of two (CRITICAL over WARNING over OK; no data and idle count as OK). */
    public TileStatus worst(TileStatus other) {
        return rank(other) > rank(this) ? other : this;
    }

    private static int rank(TileStatus s) {
        return switch (s) {
            case CRITICAL -> 3;
            case WARNING -> 2;
            case OK -> 1;
            case RUNNING, NO_DATA, IDLE -> 0;
        };
    }
}
