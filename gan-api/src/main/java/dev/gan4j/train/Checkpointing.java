package dev.gan4j.train;

import java.nio.file.Path;

/**
 * When and where training writes checkpoints, from which {@link GanTrainer#resume(Path)} continues a
 * run. Off unless a directory is given: see {@link GanTrainer.Builder#checkpointDir(Path)}.
 *
 * @param directory where checkpoint files go, absolute; {@code null} when checkpointing is off
 * @param everySteps a checkpoint every this many generator steps, counted over the whole run, and
 *     always one after the last step; at least 1
 * @param keep how many of the newest checkpoints stay; older ones are deleted; at least 1
 * @param setAsideOtherRuns whether another run's checkpoints found in the directory are moved into
 *     {@code other-runs/<run id>/} there, rather than refused (see {@link
 *     GanTrainer.Builder#setAsideOtherRuns(boolean)}); not saved in checkpoints
 */
public record Checkpointing(Path directory, int everySteps, int keep, boolean setAsideOtherRuns) {

    /** The default {@link #everySteps()}: 1000 generator steps. */
    public static final int DEFAULT_EVERY = 1000;

    /** The default {@link #keep()}: the 3 newest checkpoints. */
    public static final int DEFAULT_KEEP = 3;

    /**
     * Checks the numbers and makes the directory absolute.
     *
     * @param directory where checkpoint files go, absolute; {@code null} when checkpointing is off
     * @param everySteps a checkpoint every this many generator steps, counted over the whole run, and always
     *     one after the last step; at least 1
     * @param keep how many of the newest checkpoints stay; older ones are deleted; at least 1
     * @param setAsideOtherRuns whether another run's checkpoints found in the directory are moved into {@code
     *     other-runs/<run id>/} there, rather than refused (see {@link
     *     GanTrainer.Builder#setAsideOtherRuns(boolean)}); not saved in checkpoints
     */
    public Checkpointing {
        if (everySteps < 1) {
            throw new IllegalArgumentException("checkpointEvery must be >= 1 step, got " + everySteps);
        }
        if (keep < 1) {
            throw new IllegalArgumentException("keepCheckpoints must be >= 1, got " + keep);
        }
        if (directory != null) {
            directory = directory.toAbsolutePath().normalize();
        }
    }

    /**
     * Checkpoints into {@code directory}, refusing other runs' checkpoints there.
     *
     * @param directory where checkpoint files go, absolute; {@code null} when checkpointing is off
     * @param everySteps a checkpoint every this many generator steps, counted over the whole run, and always
     *     one after the last step; at least 1
     * @param keep how many of the newest checkpoints stay; older ones are deleted; at least 1
     */
    public Checkpointing(Path directory, int everySteps, int keep) {
        this(directory, everySteps, keep, false);
    }

    /**
     * No checkpoints. The default.
     *
     * @return no checkpoints
     */
    public static Checkpointing off() {
        return new Checkpointing(null, DEFAULT_EVERY, DEFAULT_KEEP);
    }

    /**
     * Returns whether checkpoints are written.
     *
     * @return whether checkpoints are written
     */
    public boolean enabled() {
        return directory != null;
    }
}
