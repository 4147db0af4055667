package dev.gan4j.train.listener;

import java.util.Optional;

/**
 * Lets a listener end its run early, as Keras's {@code model.stop_training = True} does: handed to
 * {@link TrainingListener#onStep(StepMetrics, TrainingControl)} and {@link
 * TrainingListener#onEpochEnd(EpochSummary, TrainingControl)}, and valid for the whole run, so a
 * listener may keep it and call {@link #stop} from any callback on the training thread.
 *
 * <p>A stop takes effect at the next step boundary: the step under way and the callbacks of it finish,
 * the epoch's {@link TrainingListener#onEpochEnd} is called with the steps it made, a final checkpoint
 * is written when checkpoints are on, and {@code train} returns the generator as trained so far (its
 * provenance counts the steps made). A stop is an ending, not a failure; to abandon a run from another
 * thread, interrupt the training thread (see {@link dev.gan4j.train.TrainingCancelledException}).
 */
public interface TrainingControl {

    /**
     * Asks training to end after the current step. The first reason given is kept; later calls change
     * nothing.
     *
     * @param reason why, for the log (for example {@code "quality has not improved for 3 epochs"})
     * @throws NullPointerException if {@code reason} is null
     */
    void stop(String reason);

    /**
     * Returns the reason given to the first {@link #stop}, or empty while training goes on.
     *
     * @return the reason given to the first {@link #stop}, or empty while training goes on
     */
    Optional<String> stopReason();
}
