package dev.pitwall.ui.warroom;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableDoubleProperty;
import javafx.css.Styleable;
import javafx.css.StyleableDoubleProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.SizeConverter;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.util.Duration;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The war-room board: a header with the board's one-line answer and the time, and the six tiles in a 3 x 2 grid.
 * Read-only: it has no input control. Its base type size is the token {@code -wr-font-min} (styles/tokens.css), the
 * smallest type on the board: every other size on it is a multiple of it of at least 1.
 */
public final class WarRoomBoard extends BorderPane {

    /** Used when no stylesheet sets the token. */
    public static final double DEFAULT_MIN_FONT = 28;

    private static final CssMetaData<WarRoomBoard, Number> MIN_FONT = new CssMetaData<>("-wr-font-min",
            SizeConverter.getInstance(), DEFAULT_MIN_FONT) {
        @Override
        public boolean isSettable(WarRoomBoard board) {
            return !board.minFont.isBound();
        }

        @Override
        public StyleableProperty<Number> getStyleableProperty(WarRoomBoard board) {
            return board.minFont;
        }
    };
    private static final List<CssMetaData<? extends Styleable, ?>> CSS;

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(BorderPane.getClassCssMetaData());
        all.add(MIN_FONT);
        CSS = List.copyOf(all);
    }

    private final StyleableDoubleProperty minFont = new SimpleStyleableDoubleProperty(MIN_FONT, this, "minFont",
            DEFAULT_MIN_FONT);

    private final javafx.scene.Node[] pages;
    private final Label page = new Label();
    private int shown;

    /**
     * @param rotate how long each page shows before the next (the board, then the latest timeline), or null to show
     *               only the board
     */
    public WarRoomBoard(WarRoomViewModel model, String profileName, ZoneId zone, java.time.Duration rotate) {
        getStyleClass().add("war-room-board");
        setId("war-room-board");
        applyMinFont(minFont.get());
        minFont.addListener((obs, old, now) -> applyMinFont(now.doubleValue()));

        Label title = new Label("PITWALL WAR ROOM");
        title.getStyleClass().add("wr-board-title");
        Label profile = new Label(profileName);
        profile.getStyleClass().add("wr-profile");
        Label overall = new Label();
        overall.getStyleClass().addAll("wr-overall", "wr-status");
        overall.textProperty().bind(model.overallProperty());
        model.overallStatusProperty().addListener((obs, old, now) -> restyle(overall, now));
        restyle(overall, model.overallStatusProperty().get());
        Label clock = new Label();
        clock.getStyleClass().add("wr-clock");
        DateTimeFormatter hms = DateTimeFormatter.ofPattern("HH:mm:ss");
        Runnable tick = () -> clock.setText(hms.format(ZonedDateTime.now(zone)));
        tick.run();
        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick.run()));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        page.getStyleClass().add("wr-muted");
        HBox header = new HBox(24, title, profile, page, spacer, overall, clock);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("wr-header");
        setTop(header);

        GridPane grid = new GridPane();
        grid.getStyleClass().add("wr-grid");
        for (int c = 0; c < 3; c++) {
            ColumnConstraints col = new ColumnConstraints();
            col.setPercentWidth(100.0 / 3);
            col.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(col);
        }
        for (int r = 0; r < 2; r++) {
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(50);
            row.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(row);
        }
        TileId[] ids = TileId.values();
        for (int i = 0; i < ids.length; i++) {
            TileView tile = new TileView(model.tile(ids[i]));
            tile.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            grid.add(tile, i % 3, i / 3);
        }
        TimelinePage timeline = new TimelinePage(model.recentTimeline(), model.timelineProblemProperty(), zone);
        pages = rotate == null ? new javafx.scene.Node[]{grid} : new javafx.scene.Node[]{grid, timeline};
        setCenter(new javafx.scene.layout.StackPane(pages));
        showPage(0);
        if (rotate != null) {
            Timeline turner = new Timeline(new KeyFrame(Duration.millis(rotate.toMillis()),
                    e -> showPage((shown + 1) % pages.length)));
            turner.setCycleCount(Animation.INDEFINITE);
            turner.play();
        }
        setAccessibleText("War-room board");
    }

    /** Shows page {@code index} (0: the tiles, 1: the latest timeline when rotating). */
    public void showPage(int index) {
        shown = index;
        for (int i = 0; i < pages.length; i++) {
            pages[i].setVisible(i == index);
        }
        page.setText(pages.length < 2 ? "" : "page " + (index + 1) + " of " + pages.length);
    }

    /** The smallest type size on the board, in pixels, as the stylesheet's token set it. */
    public double minFontSize() {
        return minFont.get();
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS;
    }

    private void applyMinFont(double px) {
        setStyle("-fx-font-size: " + px + "px;");
    }

    private static void restyle(Label label, TileStatus status) {
        for (TileStatus s : TileStatus.values()) {
            label.getStyleClass().remove(s.styleClass());
        }
        label.getStyleClass().add(status.styleClass());
    }
}
