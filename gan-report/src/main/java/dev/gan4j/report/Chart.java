package dev.gan4j.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One chart of the page: lines over global steps (or epochs), with vertical lines where health
 * conditions were raised, drawn by XChart into a PNG.
 */
final class Chart {

    static final int WIDTH = 560;
    static final int HEIGHT = 300;
    /** The colour of a health marker: what a person looks for, and what a test finds in the pixels. */
    static final Color MARKER = new Color(0xD0, 0x10, 0x10);

    private record Series(String name, double[] x, double[] y, boolean dots) {}

    final String id;
    final String title;
    final String caption;
    private final String xTitle;
    private final List<Series> series = new ArrayList<>();
    private final List<Double> markers = new ArrayList<>();

    Chart(String id, String title, String xTitle, String caption) {
        this.id = id;
        this.title = title;
        this.xTitle = xTitle;
        this.caption = caption;
    }

    /** Adds a line, if it has a finite point: a series of NaN alone would give XChart no axis range. */
    Chart line(String name, double[] x, double[] y) {
        return add(name, x, y, false);
    }

    /** Adds a line with a dot at each point, for series of few points (one per epoch). */
    Chart dots(String name, double[] x, double[] y) {
        return add(name, x, y, true);
    }

    private Chart add(String name, double[] x, double[] y, boolean dots) {
        for (double v : y) {
            if (Double.isFinite(v)) {
                series.add(new Series(name, x, y, dots));
                break;
            }
        }
        return this;
    }

    /** Marks a health condition at {@code x}. */
    Chart marker(double x) {
        markers.add(x);
        return this;
    }

    boolean isEmpty() {
        return series.isEmpty();
    }

    List<Double> markers() {
        return List.copyOf(markers);
    }

    /** Draws the chart as a PNG. */
    byte[] png() throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).build();
        XYStyler styler = chart.getStyler();
        // Below the plot, in a row: inside it, the legend hid the curves' ends, where a person looks first.
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setAntiAlias(true);
        styler.setToolTipsEnabled(false);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            XYSeries line = chart.addSeries(s.name, s.x, s.y);
            line.setMarker(s.dots ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            for (double v : s.x) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min == max) {
            // One point: XChart would draw a zero-width axis.
            styler.setXAxisMin(min - 1);
            styler.setXAxisMax(max + 1);
        }
        styler.setAnnotationLineColor(MARKER);
        styler.setAnnotationLineStroke(new BasicStroke(2f));
        for (double x : markers) {
            chart.addAnnotation(new AnnotationLine(x, true, false));
        }
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }
}
