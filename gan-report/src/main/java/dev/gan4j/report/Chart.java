package dev.gan4j.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.AnnotationLine;
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
    /** The most points a line is drawn with; longer series are averaged down to it ({@link #bucketMeans}). */
    static final int MAX_POINTS = 1000;
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
                if (x.length > MAX_POINTS) {
                    double[][] fewer = bucketMeans(x, y, MAX_POINTS);
                    series.add(new Series(name, fewer[0], fewer[1], dots));
                } else {
                    series.add(new Series(name, x, y, dots));
                }
                break;
            }
        }
        return this;
    }

    /** The smallest of 1, 2 and 5 times a power of ten that is at least {@code raw} (and at least 1). */
    static double niceStep(double raw) {
        if (!(raw > 1)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= raw) {
                return m * power;
            }
        }
        return 10 * power;
    }

    /**
     * Averages consecutive points in {@code buckets} groups of (nearly) equal size, skipping NaN (a
     * group of NaN alone stays NaN, a gap): a chart 560 pixels wide cannot show more, and drawing
     * costs time in proportion to the points, so a long run's page costs no more to draw than a
     * short one's.
     */
    static double[][] bucketMeans(double[] x, double[] y, int buckets) {
        double[] bx = new double[buckets];
        double[] by = new double[buckets];
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * x.length / buckets);
            int to = (int) ((long) (b + 1) * x.length / buckets);
            double sx = 0;
            double sy = 0;
            int finite = 0;
            for (int i = from; i < to; i++) {
                sx += x[i];
                if (!Double.isNaN(y[i])) {
                    sy += y[i];
                    finite++;
                }
            }
            bx[b] = sx / (to - from);
            by[b] = finite == 0 ? Double.NaN : sy / finite;
        }
        return new double[][] {bx, by};
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
        if (min > 0 && min < max) {
            // From 0: XChart starts the ticks at the axis' minimum, which made them odd numbers (10, 60, 110).
            styler.setXAxisMin(0.0);
        }
        if (min < max) {
            // XChart 3.8.8 puts a tick about every 25 pixels whatever the spacing hint, and step numbers of
            // four or five digits then run together: only round multiples of about a sixth of the axis
            // are labelled. A blank label is a space: XChart's TextLayout refuses an empty string.
            double step = niceStep(max / 6);
            styler.setxAxisTickLabelsFormattingFunction(v -> Math.abs(v / step - Math.rint(v / step)) < 1e-6
                    ? String.format(Locale.ROOT, "%.0f", v) : " ");
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
        // Opaque RGB rather than XChart's ARGB bitmap: a smaller PNG, and nothing on the page is transparent.
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            chart.paint(g, WIDTH, HEIGHT);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer in this JDK");
        }
        return out.toByteArray();
    }
}
