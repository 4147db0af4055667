package dev.gan4j.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FeatureStatisticsTest {

    @Test
    void meanAndUnbiasedCovarianceOfAHandComputedSet() {
        // Vectors (1, 2), (3, 6), (5, 7): mean (3, 5); centred (-2, -3), (0, 1), (2, 2);
        // covariance over n - 1 = 2: var x = 8/2 = 4, var y = 14/2 = 7, cov = (6 + 0 + 4)/2 = 5.
        FeatureStatistics s = FeatureStatistics.of(new float[] {1, 2, 3, 6, 5, 7}, 3, 2);

        assertThat(s.count()).isEqualTo(3);
        assertThat(s.dim()).isEqualTo(2);
        assertThat(s.mean()).containsExactly(3, 5);
        assertThat(s.covariance()[0]).containsExactly(new double[] {4, 5}, within(1e-12));
        assertThat(s.covariance()[1]).containsExactly(new double[] {5, 7}, within(1e-12));
    }

    @Test
    void constantFeaturesHaveZeroVariance() {
        FeatureStatistics s = FeatureStatistics.of(new float[] {7, 1, 7, 2, 7, 3}, 3, 2);

        assertThat(s.covariance()[0]).containsExactly(0, 0);
        assertThat(s.covariance()[1][1]).isCloseTo(1, within(1e-12));
    }

    @Test
    void largeOffsetsDoNotCancelTheVariance() {
        // One-pass E[x^2] - E[x]^2 loses these digits; the two-pass form keeps them.
        FeatureStatistics s = FeatureStatistics.of(new float[] {1e4f + 1, 1e4f + 2, 1e4f + 3}, 3, 1);

        assertThat(s.covariance()[0][0]).isCloseTo(1, within(1e-9));
    }

    @Test
    void rejectsFewerThanTwoVectors() {
        assertThatThrownBy(() -> FeatureStatistics.of(new float[] {1, 2}, 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a covariance needs at least 2 feature vectors, got 1");
    }

    @Test
    void rejectsALengthThatDisagrees() {
        assertThatThrownBy(() -> FeatureStatistics.of(new float[] {1, 2, 3}, 2, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("got 3 values for 2 vectors of 2; expected 4");
    }
}
