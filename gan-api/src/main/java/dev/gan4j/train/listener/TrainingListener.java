package dev.gan4j.train.listener;

import dev.gan4j.health.Diagnosis;
import dev.gan4j.quality.QualityMetric;
import dev.gan4j.quality.QualityReport;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.Provenance;
import java.nio.file.Path;

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

    /**
     * An epoch is about to start.
     *
     * @param epoch the epoch starting, from 1
     * @param stepsPerEpoch the steps in each epoch
     */
    default void onEpochStart(int epoch, int stepsPerEpoch) {}

    /**
     * A step was measured (every {@code logEvery} steps and at the end of each epoch).
     *
     * @param metrics the step's report
     */
    default void onStep(StepMetrics metrics) {}

    /**
     * A step was measured; what training calls. By default it calls {@link #onStep(StepMetrics)};
     * override this one instead to end the run early with {@link TrainingControl#stop}.
     *
     * @param metrics the step's report
     * @param control stops training when asked
     */
    default void onStep(StepMetrics metrics, TrainingControl control) {
        onStep(metrics);
    }

    /**
     * A health condition was diagnosed, under a policy that does not ignore it. Called before the
     * diagnosis is logged and, if its action is {@code STOP}, before training stops.
     *
     * @param diagnosis the condition found
     */
    default void onHealth(Diagnosis diagnosis) {}

    /**
     * An epoch ended (after fewer steps than usual if a {@link TrainingControl#stop} ends it).
     *
     * @param summary the epoch's summary
     */
    default void onEpochEnd(EpochSummary summary) {}

    /**
     * An epoch ended; what training calls. By default it calls {@link #onEpochEnd(EpochSummary)};
     * override this one instead to end the run early with {@link TrainingControl#stop}.
     *
     * @param summary the epoch's summary
     * @param control stops training when asked
     */
    default void onEpochEnd(EpochSummary summary, TrainingControl control) {
        onEpochEnd(summary);
    }

    /**
     * Training ended, normally.
     *
     * @param provenance where the trained generator came from
     */
    default void onTrainingEnd(Provenance provenance) {}

    /**
     * Training ended with {@code error}, which {@code train} throws after every listener has heard of
     * it (whatever this throws is added to it as suppressed): the place to release what {@link
     * #onTrainingStart} acquired. Called on every listener for every {@link Throwable} that ends a
     * run (a bad data set, an engine failure, a health stop, a {@link
     * dev.gan4j.train.TrainingCancelledException}, an {@code Error}, or an exception from any listener,
     * this one included), possibly without {@link #onTrainingStart} before it: release only what you
     * hold.
     *
     * @param error what stopped training
     */
    default void onTrainingFailed(Throwable error) {}

    /**
     * A checkpoint was written (see {@link GanTrainer.Builder#checkpointDir(Path)}), and checkpoints
     * beyond the number kept were deleted.
     *
     * @param file the new checkpoint, from which {@link GanTrainer#resume(Path)} can continue
     * @param globalStep the generator steps trained when it was written
     */
    default void onCheckpoint(Path file, long globalStep) {}

    /**
     * A quality report was made, after the {@link EpochSummary} of its epoch: every {@code every}
     * epochs and after the last when a {@link QualityMetric} was set with {@link
     * GanTrainer.Builder#quality(QualityMetric)}.
     *
     * @param report the quality measured
     */
    default void onQuality(QualityReport report) {}

    /**
     * Where the time of the steps since the previous report went, right after their {@link
     * #onStep}; only when {@link GanTrainer.Builder#profileSteps(boolean)} is on.
     *
     * @param profile the phases' times
     */
    default void onProfile(StepProfile profile) {}
}
