package dev.gan4j.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FrechetDistanceTest {

    @Test
    void aGaussianIsAtDistanceZeroFromItself() {
        FeatureStatistics x = sampleStatistics(500, 16, new Random(1));

        assertThat(FrechetDistance.between(x, x)).isCloseTo(0, within(1e-9));
    }

    @Test
    void shiftedGaussiansAreAtTheSquaredShift() {
        // Equal covariances: the trace terms cancel, d^2 = |mu1 - mu2|^2.
        double[][] cov = positiveDefinite(6, new Random(2));
        FeatureStatistics a = new FeatureStatistics(100, new double[] {0, 0, 0, 0, 0, 0}, cov);
        FeatureStatistics b = new FeatureStatistics(100, new double[] {1, -2, 0, 0.5, 0, 3}, cov);

        assertThat(FrechetDistance.between(a, b)).isCloseTo(1 + 4 + 0.25 + 9, within(1e-9));
    }

    @Test
    void oneDimensionIsTheDifferenceOfMeansAndOfStandardDeviations() {
        // d^2 = (mu1 - mu2)^2 + (sigma1 - sigma2)^2 for 1-D Gaussians: here 2^2 + (3 - 1)^2.
        FeatureStatistics a = new FeatureStatistics(10, new double[] {1}, new double[][] {{9}});
        FeatureStatistics b = new FeatureStatistics(10, new double[] {3}, new double[][] {{1}});

        assertThat(FrechetDistance.between(a, b)).isCloseTo(8, within(1e-12));
    }

    @Test
    void commutingCovariancesGiveTheSumOverEigenvalues() {
        // Sigma1 = Q diag(l) Q^T and Sigma2 = Q diag(m) Q^T: d^2 = sum (sqrt l - sqrt m)^2.
        int n = 5;
        double[] l = {4, 1, 9, 0.25, 2};
        double[] m = {1, 1, 16, 1, 0};
        double[][] q = SymmetricEigen.of(SymmetricEigenTest.randomSymmetric(n, new Random(4))).vectors();
        FeatureStatistics a = new FeatureStatistics(10, new double[n], rotate(q, l));
        FeatureStatistics b = new FeatureStatistics(10, new double[n], rotate(q, m));

        double expected = 0;
        for (int i = 0; i < n; i++) {
            expected += Math.pow(Math.sqrt(l[i]) - Math.sqrt(m[i]), 2);
        }
        assertThat(FrechetDistance.between(a, b)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void nonCommutingTwoByTwoMatchesTheClosedForm() {
        // For 2x2, tr sqrt(S1 S2) = sqrt(tr(S1 S2) + 2 sqrt(det S1 det S2)) (sum of the roots of the two
        // eigenvalues of S1 S2). S1 = [[2, 1], [1, 3]], S2 = [[1, -0.5], [-0.5, 2]] do not commute.
        double[][] s1 = {{2, 1}, {1, 3}};
        double[][] s2 = {{1, -0.5}, {-0.5, 2}};
        double trProduct = 2 * 1 + 1 * -0.5 + 1 * -0.5 + 3 * 2; // tr(S1 S2) = 7
        double detProduct = (2 * 3 - 1) * (1 * 2 - 0.25); // 5 * 1.75
        double rootTrace = Math.sqrt(trProduct + 2 * Math.sqrt(detProduct));
        double expected = 1 + 1 + (2 + 3) + (1 + 2) - 2 * rootTrace; // means (0, 0) and (1, 1)
        FeatureStatistics a = new FeatureStatistics(10, new double[] {0, 0}, s1);
        FeatureStatistics b = new FeatureStatistics(10, new double[] {1, 1}, s2);

        assertThat(FrechetDistance.between(a, b)).isCloseTo(expected, within(1e-12));
        assertThat(FrechetDistance.between(b, a)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void distanceGrowsWithTheShiftOfSampledFeatures() {
        FeatureStatistics reference = sampleStatistics(2000, 8, new Random(5));
        FrechetDistance distance = new FrechetDistance(reference);

        double near = distance.to(shifted(sampleStatistics(2000, 8, new Random(6)), 0.1));
        double far = distance.to(shifted(sampleStatistics(2000, 8, new Random(6)), 1.0));

        assertThat(near).isLessThan(far);
        assertThat(far).isCloseTo(8 * 1.0, within(0.8));
    }

    @Test
    void rejectsStatisticsOfAnotherDimension() {
        FeatureStatistics a = new FeatureStatistics(10, new double[] {0}, new double[][] {{1}});
        FeatureStatistics b = new FeatureStatistics(10, new double[] {0, 0}, new double[][] {{1, 0}, {0, 1}});

        assertThatThrownBy(() -> FrechetDistance.between(a, b))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feature statistics of dimension 2 and 1 cannot be compared");
    }

    private static FeatureStatistics sampleStatistics(int count, int dim, Random random) {
        float[] v = new float[count * dim];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return FeatureStatistics.of(v, count, dim);
    }

    private static FeatureStatistics shifted(FeatureStatistics s, double by) {
        double[] mean = s.mean().clone();
        for (int i = 0; i < mean.length; i++) {
            mean[i] += by;
        }
        return new FeatureStatistics(s.count(), mean, s.covariance());
    }

    private static double[][] positiveDefinite(int n, Random random) {
        double[][] b = SymmetricEigenTest.randomSymmetric(n, random);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    a[i][j] += b[i][k] * b[j][k];
                }
            }
            a[i][i] += 0.1;
        }
        return a;
    }

    private static double[][] rotate(double[][] q, double[] values) {
        int n = values.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    out[i][j] += q[i][k] * values[k] * q[j][k];
                }
            }
        }
        return out;
    }
}
