package dev.pitwall.ui.queues;

import dev.pitwall.ops.queues.TrendPoint;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Draws a queue's trend as three lines (waiting, active, failed) against minutes before the newest point. At most
 * {@link #MAX_POINTS} points per line are drawn, so 30 minutes of 2-second samples stay cheap to render.
 */
final class TrendChartBinder {

    static final int MAX_POINTS = 180;

    private final LineChart<Number, Number> chart;
    private final XYChart.Series<Number, Number> waiting = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> active = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> failed = new XYChart.Series<>();

    TrendChartBinder(LineChart<Number, Number> chart) {
        this.chart = chart;
        waiting.setName("waiting");
        active.setName("active");
        failed.setName("failed");
    }

    void bind(ObservableList<TrendPoint> trend) {
        chart.getData().setAll(List.of(waiting, active, failed));
        trend.addListener((ListChangeListener<TrendPoint>) change -> draw(trend));
        draw(trend);
    }

    private void draw(List<TrendPoint> points) {
        waiting.getData().setAll(line(points, TrendPoint::waiting));
        active.getData().setAll(line(points, TrendPoint::active));
        failed.getData().setAll(line(points, TrendPoint::failed));
    }

    private static List<XYChart.Data<Number, Number>> line(List<TrendPoint> points, ToLongFunction<TrendPoint> y) {
        List<XYChart.Data<Number, Number>> data = new ArrayList<>();
        if (points.isEmpty()) {
            return data;
        }
        long newest = points.get(points.size() - 1).at().toEpochMilli();
        int step = Math.max(1, (points.size() + MAX_POINTS - 1) / MAX_POINTS);
        for (int i = (points.size() - 1) % step; i < points.size(); i += step) {
            TrendPoint p = points.get(i);
            data.add(new XYChart.Data<>((p.at().toEpochMilli() - newest) / 60_000.0, y.applyAsLong(p)));
        }
        return data;
    }
}
