package dev.pitwall.ui.warroom;

import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * Shows the war-room board as it is laid out on its reference screen (1080p), scaled down as a whole to fit a smaller
 * window: a laptop's screen, or the console's own War room screen beside the navigation. Laid out smaller, the board's
 * large type would be cut off everywhere (the clock included); scaled, it stays whole and in proportion. A window at
 * least as large as the reference lays the board out at its own size.
 */
public final class FitToReference extends Region {

    public static final double WIDTH = 1920;
    public static final double HEIGHT = 1080;

    private final Region content;
    private final Scale scale = new Scale(1, 1, 0, 0);

    public FitToReference(Region content) {
        this.content = content;
        content.getTransforms().add(scale);
        getChildren().add(content);
        getStyleClass().add("wr-fit");
    }

    /** The factor the board is drawn at: 1 on the reference screen or larger. */
    public double scale() {
        return scale.getX();
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double height = getHeight();
        if (width <= 0 || height <= 0) {
            return;
        }
        double s = Math.min(1, Math.min(width / WIDTH, height / HEIGHT));
        scale.setX(s);
        scale.setY(s);
        content.resizeRelocate(0, 0, width / s, height / s);
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }

    @Override
    protected double computePrefWidth(double height) {
        return WIDTH;
    }

    @Override
    protected double computePrefHeight(double width) {
        return HEIGHT;
    }
}
