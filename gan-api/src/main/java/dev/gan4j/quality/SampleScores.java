package dev.gan4j.quality;

import java.util.ArrayList;
import java.util.List;

/** The metrics of {@link SampleQuality}, computed from what a classifier said of a set of images. */
final class SampleScores {

    private SampleScores() {}

    /**
     * Scores classified images.
     *
     * @param distance distances to the reference features
     * @param confidence the probability a prediction needs for the image to count as recognisable
     * @param coverageThreshold the share a class needs to count as covered
     */
    static SampleQuality score(Classification c, FrechetDistance distance, double confidence, double coverageThreshold) {
        int n = c.count();
        int classes = c.classes();
        // Probabilities are floats: compare with the float nearest the threshold, so 0.9f counts as 0.9.
        float threshold = (float) confidence;
        int recognised = 0;
        int[] counts = new int[classes];
        for (int i = 0; i < n; i++) {
            int predicted = c.predicted(i);
            counts[predicted]++;
            if (c.probability(i, predicted) >= threshold) {
                recognised++;
            }
        }
        List<Double> shares = new ArrayList<>(classes);
        int covered = 0;
        double smallest = 1;
        for (int k = 0; k < classes; k++) {
            double share = (double) counts[k] / n;
            shares.add(share);
            smallest = Math.min(smallest, share);
            if (share >= coverageThreshold) {
                covered++;
            }
        }
        double fd = distance.to(FeatureStatistics.of(c.featureArray(), n, c.featureSize()));
        return new SampleQuality(n, classifierScore(c.probabilityArray(), n, classes), fd, (double) recognised / n,
                shares, covered, smallest);
    }

    /**
     * Returns {@code exp(E_x KL(p(y|x) || p(y)))}, where {@code p(y)} is the mean of the images' class
     * distributions: the Inception Score of Salimans et al. (2016), here with any classifier's
     * probabilities. Terms with {@code p(y|x) = 0} contribute 0 (the limit of {@code p log p}); a NaN
     * probability makes the score NaN.
     *
     * @param probabilities {@code n * classes} values, image after image, each row summing to 1
     */
    static double classifierScore(float[] probabilities, int n, int classes) {
        double[] marginal = FeatureStatistics.columnMeans(probabilities, n, classes);
        double kl = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < classes; k++) {
                double p = probabilities[i * classes + k];
                // Skips exact zeros (0 log 0 = 0) but lets a NaN through, so NaN images score NaN.
                if (p != 0) {
                    kl += p * (Math.log(p) - Math.log(marginal[k]));
                }
            }
        }
        return Math.exp(kl / n);
    }

    /**
     * Returns the share of classified images whose predicted class is the one they were drawn for, image
     * {@code i} of class {@code i % classes} ({@link dev.gan4j.train.ClassLabels#balanced}).
     */
    static double conditionalAccuracy(Classification c) {
        int agree = 0;
        for (int i = 0; i < c.count(); i++) {
            if (c.predicted(i) == i % c.classes()) {
                agree++;
            }
        }
        return (double) agree / c.count();
    }
}
