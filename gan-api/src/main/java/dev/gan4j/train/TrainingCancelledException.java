package dev.gan4j.train;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Training was cancelled: its thread was interrupted ({@link Thread#interrupt()}). The loop notices
 * at the next step boundary (a step under way is finished, since native code cannot be interrupted
 * safely), writes a final checkpoint when checkpoints are on, releases the engine's memory, tells the
 * listeners ({@link dev.gan4j.train.listener.TrainingListener#onTrainingFailed}) and throws this. The
 * thread's interrupt status is set again before it is thrown, as {@link Thread#interrupt()}'s callers
 * expect; clear it with {@link Thread#interrupted()} before training or writing files on the same
 * thread.
 *
 * <p>Resume the run from {@link #lastCheckpoint()} with {@link GanTrainer#resume(Path)}.
 */
public class TrainingCancelledException extends GanException {

    private static final long serialVersionUID = 1L;

    /** The global steps trained when training stopped. */
    private final long steps;
    private final transient Path lastCheckpoint;

    /**
     * Creates the exception.
     *
     * @param steps the global steps trained when training stopped
     * @param lastCheckpoint the checkpoint holding them (or the newest one), or {@code null} when
     *     checkpoints are off
     * @param cause the exception the interrupt caused, or {@code null} when the loop saw the interrupt
     *     status itself
     */
    public TrainingCancelledException(long steps, Path lastCheckpoint, Throwable cause) {
        super("training was cancelled (its thread was interrupted) after global step " + steps + "; "
                + (lastCheckpoint == null
                        ? "checkpoints were off, so nothing was saved to resume from"
                        : "resume from " + lastCheckpoint + " with GanTrainer.resume(...)"), cause);
        this.steps = steps;
        this.lastCheckpoint = lastCheckpoint;
    }

    /**
     * Returns the global steps trained when training stopped.
     *
     * @return the global steps trained when training stopped
     */
    public long steps() {
        return steps;
    }

    /**
     * Returns the newest checkpoint of the run, written at {@link #steps()} unless writing it failed;
     * empty when checkpoints are off.
     *
     * @return the newest checkpoint of the run, written at {@link #steps()} unless writing it failed; empty
     *     when checkpoints are off
     */
    public Optional<Path> lastCheckpoint() {
        return Optional.ofNullable(lastCheckpoint);
    }
}
