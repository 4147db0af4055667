package dev.gan4j.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    @Test
    void diagonalMatrixHasItsDiagonalAsEigenvalues() {
        SymmetricEigen e = SymmetricEigen.of(new double[][] {{3, 0, 0}, {0, -1, 0}, {0, 0, 2}});

        assertThat(e.values()).containsExactly(3, -1, 2);
        assertThat(e.vectors()).isDeepEqualTo(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
    }

    @Test
    void twoByTwoMatchesTheCharacteristicPolynomial() {
        // [[2, 1], [1, 2]] has eigenvalues 1 and 3, eigenvectors (1, -1) and (1, 1) over sqrt 2.
        SymmetricEigen e = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});

        double[] values = e.values();
        Arrays.sort(values);
        assertThat(values[0]).isCloseTo(1, within(1e-14));
        assertThat(values[1]).isCloseTo(3, within(1e-14));
        double[][] v = e.vectors();
        assertThat(Math.abs(v[0][0])).isCloseTo(Math.sqrt(0.5), within(1e-14));
        assertThat(Math.abs(v[1][0])).isCloseTo(Math.sqrt(0.5), within(1e-14));
    }

    @Test
    void equalDiagonalEntriesStillRotate() {
        // tau = 0: the rotation must be by 45 degrees, not skipped.
        SymmetricEigen e = SymmetricEigen.of(new double[][] {{1, 2}, {2, 1}});

        double[] values = e.values();
        Arrays.sort(values);
        assertThat(values).containsExactly(new double[] {-1, 3}, within(1e-14));
    }

    @Test
    void randomSymmetricMatrixIsReconstructedByOrthonormalEigenvectors() {
        int n = 40;
        double[][] a = randomSymmetric(n, new Random(7));

        SymmetricEigen e = SymmetricEigen.of(a);

        double[][] v = e.vectors();
        double[] values = e.values();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double reconstructed = 0;
                double gram = 0;
                for (int k = 0; k < n; k++) {
                    reconstructed += v[i][k] * values[k] * v[j][k];
                    gram += v[k][i] * v[k][j];
                }
                assertThat(reconstructed).as("A[%d][%d]", i, j).isCloseTo(a[i][j], within(1e-12));
                assertThat(gram).as("V^T V [%d][%d]", i, j).isCloseTo(i == j ? 1 : 0, within(1e-12));
            }
        }
    }

    @Test
    void traceAndFrobeniusNormAreKept() {
        double[][] a = randomSymmetric(25, new Random(3));

        double[] values = SymmetricEigen.of(a).values();

        double trace = 0;
        double frobenius = 0;
        for (int i = 0; i < a.length; i++) {
            trace += a[i][i];
            for (int j = 0; j < a.length; j++) {
                frobenius += a[i][j] * a[i][j];
            }
        }
        assertThat(Arrays.stream(values).sum()).isCloseTo(trace, within(1e-11));
        assertThat(Arrays.stream(values).map(x -> x * x).sum()).isCloseTo(frobenius, within(1e-10));
    }

    @Test
    void squareRootOfAPositiveSemiDefiniteMatrixSquaresBackToIt() {
        int n = 20;
        double[][] b = new double[n][n];
        Random random = new Random(11);
        for (double[] row : b) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextGaussian();
            }
        }
        // A = B B^T with B of rank 12: positive semi-definite with 8 zero eigenvalues.
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < 12; k++) {
                    a[i][j] += b[i][k] * b[j][k];
                }
            }
        }

        double[][] root = SymmetricEigen.of(a).sqrtPsd();

        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double square = 0;
                for (int k = 0; k < n; k++) {
                    square += root[i][k] * root[k][j];
                }
                assertThat(square).isCloseTo(a[i][j], within(1e-9));
                assertThat(root[i][j]).isEqualTo(root[j][i]);
            }
        }
    }

    @Test
    void rejectsANonSquareMatrix() {
        assertThatThrownBy(() -> SymmetricEigen.of(new double[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("matrix is not square: row 1 has 1 entries, expected 2");
    }

    @Test
    void rejectsANan() {
        assertThatThrownBy(() -> SymmetricEigen.of(new double[][] {{1, Double.NaN}, {Double.NaN, 1}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("matrix entry (0, 1) is NaN");
    }

    static double[][] randomSymmetric(int n, Random random) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                a[i][j] = random.nextGaussian();
                a[j][i] = a[i][j];
            }
        }
        return a;
    }
}
