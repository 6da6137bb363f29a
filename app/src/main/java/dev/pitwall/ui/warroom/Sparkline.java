package dev.pitwall.ui.warroom;

import javafx.scene.layout.Pane;
import javafx.scene.shape.Polyline;

import java.util.List;

/** A trend drawn as a line without axes or numbers: the shape is what counts from five metres. */
final class Sparkline extends Pane {

    private final Polyline line = new Polyline();

    Sparkline(double width, double height) {
        setMinSize(width, height);
        setPrefSize(width, height);
        setMaxSize(width, height);
        line.getStyleClass().add("wr-sparkline");
        getChildren().add(line);
        getStyleClass().add("wr-spark");
    }

    void show(List<Double> values) {
        line.getPoints().clear();
        if (values.size() < 2) {
            return;
        }
        double max = Math.max(1, values.stream().mapToDouble(Double::doubleValue).max().orElse(1));
        double w = getPrefWidth();
        double h = getPrefHeight() - 4;
        for (int i = 0; i < values.size(); i++) {
            line.getPoints().addAll(w * i / (values.size() - 1), 2 + h - h * values.get(i) / max);
        }
    }
}
