package dev.gan4j.train;

import dev.gan4j.health.HealthPolicy;
import dev.gan4j.quality.QualityMetric;
import dev.gan4j.spi.Engines;
import dev.gan4j.spi.TrainingLoop;
import dev.gan4j.train.listener.ProgressBar;
import dev.gan4j.train.listener.TrainingListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Continues a run from a checkpoint written with {@link GanTrainer.Builder#checkpointDir(Path)}; made
 * by {@link GanTrainer#resume(Path)}. Every setting comes from the checkpoint. Only what leaves the
 * arithmetic alone can be given again: listeners, the quality metric, the health policy, step
 * profiling and the native-memory policy (none of them saved), more epochs, the device, and where
 * further checkpoints go. Train the returned trainer on the same data set as the original run.
 *
 * <pre>{@code
 * TrainedGan gan = GanTrainer.resume(Path.of("runs/mnist"))
 *     .listener(ProgressBar.toConsole())
 *     .build()
 *     .train(Mnist.trainingSet(dir));
 * }</pre>
 */
public final class ResumeBuilder {

    private final Path from;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private Integer epochs;
    private ComputeDevice device;
    private Path checkpointDir;
    private boolean setAsideOtherRuns;
    private boolean skipCorrupt;
    private HealthPolicy health;
    private QualityMetric quality;
    private boolean profileSteps;
    private NativeMemory nativeMemory;

    ResumeBuilder(Path from) {
        this.from = Objects.requireNonNull(from, "path");
    }

    /**
     * Adds a listener; listeners are called in the order added. Default: none.
     *
     * @param listener the listener to add
     * @return this builder
     */
    public ResumeBuilder listener(TrainingListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * As {@link GanTrainer.Builder#health(HealthPolicy)}; not saved in checkpoints. Default: the defaults.
     *
     * @param policy the health policy
     * @return this builder
     */
    public ResumeBuilder health(HealthPolicy policy) {
        this.health = Objects.requireNonNull(policy, "health");
        return this;
    }

    /**
     * As {@link GanTrainer.Builder#quality(QualityMetric)}; not saved in checkpoints. Default: none.
     *
     * @param quality the quality metric
     * @return this builder
     */
    public ResumeBuilder quality(QualityMetric quality) {
        this.quality = Objects.requireNonNull(quality, "quality");
        return this;
    }

    /**
     * As {@link GanTrainer.Builder#profileSteps(boolean)}; not saved in checkpoints. Default: off.
     *
     * @param on whether steps are timed
     * @return this builder
     */
    public ResumeBuilder profileSteps(boolean on) {
        this.profileSteps = on;
        return this;
    }

    /**
     * As {@link GanTrainer.Builder#nativeMemory(NativeMemory)}; not saved in checkpoints. Default:
     * {@link NativeMemory#REUSE}.
     *
     * @param policy the native memory policy
     * @return this builder
     */
    public ResumeBuilder nativeMemory(NativeMemory policy) {
        this.nativeMemory = Objects.requireNonNull(policy, "nativeMemory");
        return this;
    }

    /**
     * Trains to {@code epochs} epochs in all instead of the original run's number, e.g. to extend a
     * finished run. Default: the original number. {@link #build()} checks that it is not before the
     * checkpoint's epoch.
     *
     * @param epochs the total number of epochs
     * @return this builder
     * @throws IllegalArgumentException if {@code epochs < 1}
     */
    public ResumeBuilder epochs(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        this.epochs = epochs;
        return this;
    }

    /**
     * Trains on {@code device} instead of the original run's. Default: the original device setting.
     * Weights then match an uninterrupted run only approximately (see docs/checkpoints.md).
     *
     * @param device the device to train on
     * @return this builder
     */
    public ResumeBuilder device(ComputeDevice device) {
        this.device = Objects.requireNonNull(device, "device");
        return this;
    }

    /**
     * Writes further checkpoints into {@code directory}, with the original run's interval and count.
     * Default: the directory holding the checkpoint resumed from.
     *
     * @param directory the checkpoint directory
     * @return this builder
     */
    public ResumeBuilder checkpointDir(Path directory) {
        this.checkpointDir = Objects.requireNonNull(directory, "checkpointDir");
        return this;
    }

    /**
     * Moves another run's checkpoints found in the checkpoint directory into {@code other-runs/<their
     * run id>/} inside it, instead of refusing to resume there. Default {@code false}: {@link #build()}
     * refuses, naming both runs. See {@link GanTrainer.Builder#setAsideOtherRuns(boolean)}.
     *
     * @param setAside whether another run's checkpoints are set aside
     * @return this builder
     */
    public ResumeBuilder setAsideOtherRuns(boolean setAside) {
        this.setAsideOtherRuns = setAside;
        return this;
    }

    /**
     * If the chosen checkpoint is truncated or corrupt, resumes from the newest good one before it (and
     * renames the bad ones with the suffix {@code .corrupt}, keeping them out of the way) instead of
     * throwing {@link CorruptCheckpointException}; when a checkpoint file older than the newest is given,
     * damaged newer ones are renamed the same way. Default {@code false}: a bad checkpoint is an error
     * that names the previous good one and says to call this.
     *
     * @param skip whether a damaged checkpoint is skipped for the previous one
     * @return this builder
     */
    public ResumeBuilder skipCorrupt(boolean skip) {
        this.skipCorrupt = skip;
        return this;
    }

    /**
     * Reads the checkpoint (the newest one, if the path is a directory) and returns a trainer that
     * continues the run, with the engine on the class path.
     *
     * @return a trainer that continues the run, with the engine on the class path
     * @throws CorruptCheckpointException if the checkpoint is truncated or damaged, naming the file,
     *     what is wrong and the previous good checkpoint (unless {@link #skipCorrupt(boolean)})
     * @throws IOException if the path holds no checkpoint or cannot be read
     * @throws IllegalArgumentException if {@link #epochs(int)} is before the checkpoint's epoch
     * @throws IllegalStateException if the checkpoint directory holds checkpoints of the run newer than
     *     the one resumed from (give another {@link #checkpointDir(Path)}), or another run's checkpoints
     *     (see {@link #setAsideOtherRuns(boolean)}), or no engine is on the class path
     */
    public GanTrainer build() throws IOException {
        return TrainingLoop.resume(Engines.provider(), from, skipCorrupt, this::apply);
    }

    /** Lays the given settings over the checkpoint's, which {@code settings} holds. */
    private void apply(GanTrainer.Builder settings) {
        listeners.forEach(settings::listener);
        if (health != null) {
            settings.health(health);
        }
        if (quality != null) {
            settings.quality(quality);
        }
        settings.profileSteps(profileSteps);
        if (nativeMemory != null) {
            settings.nativeMemory(nativeMemory);
        }
        if (epochs != null) {
            settings.epochs(epochs);
        }
        if (device != null) {
            settings.device(device);
        }
        if (checkpointDir != null) {
            settings.checkpointDir(checkpointDir);
        }
        settings.setAsideOtherRuns(setAsideOtherRuns);
    }
}
