package dev.gan4j.quality;

/**
 * The eigendecomposition {@code A = V diag(values) V^T} of a real symmetric matrix by the cyclic
 * Jacobi method (Golub and Van Loan, "Matrix Computations", section 8.5): plane rotations zero the
 * off-diagonal entries one after another, sweep after sweep, until they are negligible. Slower than
 * tridiagonalisation for large matrices but simple and accurate to the last digits, even for the
 * small eigenvalues of nearly singular covariances; a few hundred dimensions take well under a
 * second.
 */
final class SymmetricEigen {

    private static final int MAX_SWEEPS = 100;

    private final double[] values;
    private final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * Decomposes {@code a}, which is not changed; only its upper triangle is read.
     *
     * @throws IllegalArgumentException if {@code a} is not square or holds a NaN or infinity
     * @throws ArithmeticException if the rotations do not converge (not seen for finite input)
     */
    static SymmetricEigen of(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("matrix is not square: row " + i + " has " + a[i].length
                        + " entries, expected " + n);
            }
            for (int j = i; j < n; j++) {
                if (!Double.isFinite(a[i][j])) {
                    throw new IllegalArgumentException("matrix entry (" + i + ", " + j + ") is " + a[i][j]);
                }
                m[i][j] = a[i][j];
                m[j][i] = a[i][j];
            }
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; ; sweep++) {
            double off = 0;
            double diagonal = 0;
            for (int i = 0; i < n; i++) {
                diagonal += m[i][i] * m[i][i];
                for (int j = i + 1; j < n; j++) {
                    off += m[i][j] * m[i][j];
                }
            }
            // Converged when the off-diagonal entries are a 1e-13 part of the matrix (Frobenius norms):
            // rounding leaves about 1e-16 of it, and the metrics need far less.
            if (off <= 1e-26 * (diagonal + 2 * off)) {
                break;
            }
            if (sweep == MAX_SWEEPS) {
                throw new ArithmeticException("Jacobi eigenvalue iteration did not converge in " + MAX_SWEEPS
                        + " sweeps for a " + n + "x" + n + " matrix");
            }
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    rotate(m, v, p, q);
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = m[i][i];
        }
        return new SymmetricEigen(values, v);
    }

    /** Zeroes {@code m[p][q]} with the rotation of Golub and Van Loan's Algorithm 8.5.1 (symSchur2). */
    private static void rotate(double[][] m, double[][] v, int p, int q) {
        double apq = m[p][q];
        if (apq == 0) {
            return;
        }
        double tau = (m[q][q] - m[p][p]) / (2 * apq);
        // The smaller root of t^2 + 2 tau t - 1 = 0: a rotation by at most 45 degrees, for stability.
        // (For a huge tau, tau * tau overflows and t becomes 0: the entry was negligible anyway.)
        double t = tau >= 0
                ? 1 / (tau + Math.sqrt(1 + tau * tau))
                : -1 / (-tau + Math.sqrt(1 + tau * tau));
        double c = 1 / Math.sqrt(1 + t * t);
        double s = t * c;
        int n = m.length;
        for (int k = 0; k < n; k++) {
            double mkp = m[k][p];
            double mkq = m[k][q];
            m[k][p] = c * mkp - s * mkq;
            m[k][q] = s * mkp + c * mkq;
        }
        for (int k = 0; k < n; k++) {
            double mpk = m[p][k];
            double mqk = m[q][k];
            m[p][k] = c * mpk - s * mqk;
            m[q][k] = s * mpk + c * mqk;
        }
        m[p][q] = 0;
        m[q][p] = 0;
        for (int k = 0; k < n; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }

    /** Returns the eigenvalues, in no particular order; {@code values()[i]} belongs to column i of V. */
    double[] values() {
        return values.clone();
    }

    /** Returns V, whose columns are orthonormal eigenvectors. */
    double[][] vectors() {
        double[][] copy = new double[vectors.length][];
        for (int i = 0; i < vectors.length; i++) {
            copy[i] = vectors[i].clone();
        }
        return copy;
    }

    /**
     * Returns {@code V diag(f(values)) V^T} with {@code f(x) = sqrt(max(x, 0))}: the principal square
     * root of a positive semi-definite matrix, rounding's tiny negative eigenvalues taken as 0.
     */
    double[][] sqrtPsd() {
        int n = values.length;
        double[] roots = new double[n];
        for (int i = 0; i < n; i++) {
            roots[i] = Math.sqrt(Math.max(values[i], 0));
        }
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += vectors[i][k] * roots[k] * vectors[j][k];
                }
                out[i][j] = sum;
                out[j][i] = sum;
            }
        }
        return out;
    }
}
