package dev.gan4j.quality;

/**
 * The mean and covariance of a set of feature vectors, in doubles: the Gaussian that the Fréchet
 * distance compares. The covariance is the unbiased sample covariance (divided by {@code n - 1}), as
 * numpy's {@code cov} that the FID reference code uses.
 */
final class FeatureStatistics {

    private final int count;
    private final double[] mean;
    private final double[][] covariance;

    FeatureStatistics(int count, double[] mean, double[][] covariance) {
        this.count = count;
        this.mean = mean;
        this.covariance = covariance;
    }

    /**
     * Computes the statistics of {@code count} vectors of {@code dim} values, vector after vector.
     *
     * @throws IllegalArgumentException if fewer than 2 vectors are given or the length disagrees
     */
    static FeatureStatistics of(float[] vectors, int count, int dim) {
        if (count < 2) {
            throw new IllegalArgumentException("a covariance needs at least 2 feature vectors, got " + count);
        }
        if ((long) count * dim != vectors.length) {
            throw new IllegalArgumentException("got " + vectors.length + " values for " + count + " vectors of "
                    + dim + "; expected " + (long) count * dim);
        }
        double[] mean = columnMeans(vectors, count, dim);
        // Two passes (mean first, then centred products) keep the rounding error of the covariance
        // small where the one-pass E[xx] - E[x]E[x] would cancel catastrophically.
        double[][] cov = new double[dim][dim];
        double[] centred = new double[dim];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < dim; j++) {
                centred[j] = vectors[i * dim + j] - mean[j];
            }
            for (int a = 0; a < dim; a++) {
                double ca = centred[a];
                if (ca == 0) {
                    continue;
                }
                double[] row = cov[a];
                for (int b = a; b < dim; b++) {
                    row[b] += ca * centred[b];
                }
            }
        }
        for (int a = 0; a < dim; a++) {
            for (int b = a; b < dim; b++) {
                cov[a][b] /= count - 1;
                cov[b][a] = cov[a][b];
            }
        }
        return new FeatureStatistics(count, mean, cov);
    }

    /** Returns the number of vectors the statistics came from. */
    int count() {
        return count;
    }

    /** Returns the size of one vector. */
    int dim() {
        return mean.length;
    }

    /** Returns whether every mean and covariance entry is finite. */
    boolean isFinite() {
        for (int i = 0; i < mean.length; i++) {
            if (!Double.isFinite(mean[i])) {
                return false;
            }
            for (double c : covariance[i]) {
                if (!Double.isFinite(c)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Returns the mean; do not change it. */
    double[] mean() {
        return mean;
    }

    /** Returns the covariance, symmetric; do not change it. */
    double[][] covariance() {
        return covariance;
    }

    /** The mean of each column of a row-major {@code rows x cols} matrix, summed in double. */
    static double[] columnMeans(float[] values, int rows, int cols) {
        double[] mean = new double[cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                mean[j] += values[i * cols + j];
            }
        }
        for (int j = 0; j < cols; j++) {
            mean[j] /= rows;
        }
        return mean;
    }
}
