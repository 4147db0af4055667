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
}
