package dev.gan4j.train;

import dev.gan4j.quality.QualityMetric;
import dev.gan4j.quality.QualityReport;

/**
 * Receives training events, on the training thread. Keep callbacks quick: the next step waits.
 * Every method does nothing by default.
 */
public interface TrainingListener {

    /**
     * Training is about to start.
     *
     * @param config the validated settings
     * @param datasetSize the number of real images
     */
    default void onTrainingStart(GanConfig config, int datasetSize) {}

    /** An epoch is about to start. */
    default void onEpochStart(int epoch, int stepsPerEpoch) {}

    /** A step was measured (every {@code logEvery} steps and at the end of each epoch). */
    default void onStep(StepMetrics metrics) {}

    /** An epoch ended. */
    default void onEpochEnd(EpochSummary summary) {}

    /** Training ended, normally. */
    default void onTrainingEnd(Provenance provenance) {}

    /**
     * A quality report was made, after the {@link EpochSummary} of its epoch: every {@code every}
     * epochs and after the last when a {@link QualityMetric} was set with {@link
     * GanTrainer.Builder#quality(QualityMetric)}.
     */
    default void onQuality(QualityReport report) {}
}
