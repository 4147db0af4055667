package dev.gan4j.quality;

/**
 * The Fréchet distance between two Gaussians (Dowson and Landau, 1982), which Heusel et al. (2017)
 * made the FID by fitting them to network features of real and generated images:
 *
 * <pre>
 * d² = |μ1 − μ2|² + tr(Σ1) + tr(Σ2) − 2 tr sqrt(Σ1^½ Σ2 Σ1^½)
 * </pre>
 *
 * <p>The last term is computed with symmetric eigendecompositions only: {@code Σ1^½} from the
 * eigenvalues of Σ1, then the eigenvalues {@code λ} of the symmetric positive semi-definite {@code
 * Σ1^½ Σ2 Σ1^½}, whose square roots sum to the trace. It equals {@code tr sqrt(Σ1 Σ2)} (the same
 * eigenvalues) as the reference code computes with a general matrix square root, but needs no complex
 * arithmetic. The roles of Σ1 and Σ2 may be swapped, so a fixed reference can be Σ1 and its root
 * computed once.
 */
final class FrechetDistance {

    private final FeatureStatistics reference;
    private final double[][] referenceRoot;
    private final double referenceTrace;

    /** Prepares distances to {@code reference}, computing its square root once. */
    FrechetDistance(FeatureStatistics reference) {
        this.reference = reference;
        this.referenceRoot = SymmetricEigen.of(reference.covariance()).sqrtPsd();
        this.referenceTrace = trace(reference.covariance());
    }

    /** Returns the squared Fréchet distance between two Gaussians, as the FID reports it. */
    static double between(FeatureStatistics a, FeatureStatistics b) {
        return new FrechetDistance(a).to(b);
    }

    /**
     * Returns the squared Fréchet distance from the reference to {@code other}, at least 0; NaN if
     * {@code other} holds a NaN or infinity (images of a diverged generator), so that a report shows
     * it rather than failing.
     *
     * @throws IllegalArgumentException if the dimensions differ
     */
    double to(FeatureStatistics other) {
        int n = reference.dim();
        if (other.dim() != n) {
            throw new IllegalArgumentException(
                    "feature statistics of dimension " + other.dim() + " and " + n + " cannot be compared");
        }
        if (!other.isFinite()) {
            return Double.NaN;
        }
        double meanTerm = 0;
        for (int i = 0; i < n; i++) {
            double d = reference.mean()[i] - other.mean()[i];
            meanTerm += d * d;
        }
        double[][] product = symmetricProduct(referenceRoot, other.covariance());
        double rootTrace = 0;
        for (double lambda : SymmetricEigen.of(product).values()) {
            rootTrace += Math.sqrt(Math.max(lambda, 0));
        }
        double d2 = meanTerm + referenceTrace + trace(other.covariance()) - 2 * rootTrace;
        // Equal Gaussians give a rounding-level negative; a distance is never below 0.
        return Math.max(d2, 0);
    }

    /**
     * Returns {@code R S R} for symmetric R and S: its upper triangle, mirrored, so rounding cannot
     * make it asymmetric.
     */
    private static double[][] symmetricProduct(double[][] r, double[][] s) {
        int n = r.length;
        double[][] rs = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] row = rs[i];
            for (int k = 0; k < n; k++) {
                double rik = r[i][k];
                if (rik == 0) {
                    continue;
                }
                double[] sk = s[k];
                for (int j = 0; j < n; j++) {
                    row[j] += rik * sk[j];
                }
            }
        }
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double sum = 0;
                double[] a = rs[i];
                double[] b = r[j];
                for (int k = 0; k < n; k++) {
                    sum += a[k] * b[k]; // (R S R)_ij = sum_k (RS)_ik R_kj, and R_kj = R_jk
                }
                out[i][j] = sum;
                out[j][i] = sum;
            }
        }
        return out;
    }

    private static double trace(double[][] m) {
        double sum = 0;
        for (int i = 0; i < m.length; i++) {
            sum += m[i][i];
        }
        return sum;
    }
}
