package dev.gan4j.quality;

import java.util.Locale;

/**
 * Sample quality of a generator at one point of training, with the real-data ceiling beside it: the
 * same metrics computed on as many held-out real images, which is the best a generator can expect.
 *
 * <pre>{@code
 * epoch 30: score 8.95 (real 9.60), FD 3.12 (real 0.71), recognizable 88.0% (real 97.5%), classes 10/10
 * }</pre>
 *
 * <p>A class-conditional generator's report adds its conditional accuracy, computed from the same
 * classified images.
 *
 * @param epoch the epoch after which the generator was scored, from 1; for a generator scored outside
 *     training, the epochs it was trained for, or 0 if unknown
 * @param globalStep the generator updates before it was scored, or 0 if unknown
 * @param generated the metrics of the generated images
 * @param real the same metrics of held-out real images: the ceiling
 * @param classifier the classifier that computed them
 * @param conditionalAccuracy for a class-conditional generator, the share of its images (drawn with
 *     balanced labels, image {@code i} of class {@code i % classes}) that the classifier assigns to the
 *     class they were drawn for (chance: {@code 1 / classes}); {@code NaN} for an unconditional one
 */
public record QualityReport(
        int epoch,
        long globalStep,
        SampleQuality generated,
        SampleQuality real,
        ClassifierSummary classifier,
        double conditionalAccuracy) {

    /**
     * A report of an unconditional generator, as reports were before conditional generators: {@link
     * #conditionalAccuracy()} is {@code NaN}.
     *
     * @param epoch the epoch after which the generator was scored
     * @param globalStep the generator updates before it was scored
     * @param generated the metrics of the generated images
     * @param real the same metrics of held-out real images
     * @param classifier the classifier that computed them
     */
    public QualityReport(int epoch, long globalStep, SampleQuality generated, SampleQuality real,
            ClassifierSummary classifier) {
        this(epoch, globalStep, generated, real, classifier, Double.NaN);
    }

    /**
     * Returns whether the generator was class-conditional, so that {@link #conditionalAccuracy()} holds
     * a share.
     *
     * @return whether the report has a conditional accuracy
     */
    public boolean isConditional() {
        return !Double.isNaN(conditionalAccuracy);
    }

    /**
     * Returns the generated figures with the real ones beside them, on one line.
     *
     * @return the generated figures with the real ones beside them, on one line
     */
    public String describe() {
        return String.format(Locale.ROOT,
                "epoch %d: score %.2f (real %.2f), FD %.2f (real %.2f), recognizable %.1f%% (real %.1f%%),"
                        + " classes %d/%d, smallest %.1f%% (real %.1f%%)",
                epoch, generated.classifierScore(), real.classifierScore(), generated.frechetDistance(),
                real.frechetDistance(), 100 * generated.recognizability(), 100 * real.recognizability(),
                generated.classesCovered(), generated.classShares().size(), 100 * generated.smallestClassShare(),
                100 * real.smallestClassShare())
                + (isConditional() ? String.format(Locale.ROOT, ", conditional accuracy %.1f%%", 100 * conditionalAccuracy)
                        : "");
    }
}
