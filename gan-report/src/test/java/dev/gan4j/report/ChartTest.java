package dev.gan4j.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A long series is drawn with at most MAX_POINTS points: bucket means, NaN skipped, gaps kept. */
class ChartTest {

    @Test
    void bucketMeansAverageConsecutivePointsSkippingNaNAndKeepGaps() {
        double[] x = {1, 2, 3, 4, 5, 6, 7};
        double[] y = {1, Double.NaN, 3, Double.NaN, Double.NaN, 10, 20};

        double[][] fewer = Chart.bucketMeans(x, y, 3);

        // Groups of 7/3: [0, 2), [2, 4), [4, 7).
        assertThat(fewer[0]).containsExactly(1.5, 3.5, 6.0);
        assertThat(fewer[1]).containsExactly(1.0, 3.0, 15.0);
        assertThat(Chart.bucketMeans(new double[] {1, 2}, new double[] {Double.NaN, Double.NaN}, 1)[1])
                .containsExactly(Double.NaN);
    }

    @Test
    void axisLabelsFallOnRoundSteps() {
        assertThat(Chart.niceStep(750 / 6.0)).isEqualTo(200);
        assertThat(Chart.niceStep(10116 / 6.0)).isEqualTo(2000);
        assertThat(Chart.niceStep(100 / 6.0)).isEqualTo(20);
        assertThat(Chart.niceStep(5 / 6.0)).isEqualTo(1);
        assertThat(Chart.niceStep(36 / 6.0)).isEqualTo(10);
    }

    @Test
    void drawsLongRunsWithMarkersWhateverTheAxisSpan() throws Exception {
        for (int steps : new int[] {2, 37, 750, 10116, 250_000}) {
            double[] x = new double[Math.min(steps, 3000)];
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = 1 + (double) i * steps / x.length;
                y[i] = Math.sin(i / 7.0);
            }
            byte[] png = new Chart("c", "title", "global step", "caption").line("y", x, y).marker(steps / 2.0).png();

            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
            assertThat(image.getWidth()).as("%d steps", steps).isEqualTo(Chart.WIDTH);
        }
    }

    @Test
    void drawsQualityChartsOverEpochs() throws Exception {
        for (int epochs : new int[] {1, 2, 5, 12, 36, 100}) {
            int n = Math.max(1, epochs / 6);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = Math.min(epochs, 6 * (i + 1));
                y[i] = 10 - i;
            }
            byte[] png = new Chart("q", "title", "epoch", "caption").dots("generated", x, y).marker(epochs / 2.0).png();

            assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png)).getHeight())
                    .as("%d epochs", epochs).isEqualTo(Chart.HEIGHT);
        }
    }
}
