package dev.gan4j.train;

import dev.gan4j.data.ImageDataset;
import dev.gan4j.quality.Classification;
import dev.gan4j.quality.ClassifierTraining;
import dev.gan4j.spec.ClassifierSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The service an engine module provides, found with {@link java.util.ServiceLoader}. Providers must be
 * cheap to construct: load native libraries on first real use, not in the constructor.
 */
public interface GanTrainerProvider {

    /** Returns the engine's short name, e.g. {@code djl}, as matched by {@code -Dgan4j.engine}. */
    String name();

    /** Returns a trainer for validated settings. */
    GanTrainer create(GanConfig config);

    /** Loads a generator saved by {@link TrainedGan#save(Path)}. */
    TrainedGan load(Path file) throws IOException;

    /**
     * Returns the devices this engine can train on here: {@link ComputeDevice#cpu()} first, then
     * {@link ComputeDevice#gpu(int)} for each GPU it sees, in order. A device not listed is refused by
     * training. May load the engine's native libraries.
     *
     * <pre>{@code boolean gpu = Engines.provider().devices().contains(ComputeDevice.gpu(0));}</pre>
     *
     * @throws UnsupportedOperationException if the engine cannot list its devices (the default)
     * @throws GanException if the engine fails to load
     */
    default List<ComputeDevice> devices() {
        throw new UnsupportedOperationException("engine " + name() + " cannot list its devices");
    }

    /**
     * Reads a checkpoint and returns a trainer that continues its run; see {@link ResumeBuilder}.
     *
     * @param path a checkpoint file, or a directory whose newest checkpoint is meant
     * @param skipCorrupt whether to fall back to the newest good checkpoint before a bad one
     * @param overrides applied to a builder holding the checkpoint's settings (listeners, epochs...)
     * @throws IOException if no checkpoint can be read; {@link CorruptCheckpointException} if damaged
     */
    default GanTrainer resume(Path path, boolean skipCorrupt, Consumer<GanTrainer.Builder> overrides)
            throws IOException {
        throw new UnsupportedOperationException("the " + name() + " engine cannot resume from checkpoints");
    }

    /**
     * Trains an image classifier on labelled images, for the quality metric ({@link
     * dev.gan4j.quality.QualityMetric}), and returns its weights in the engine's own encoding: gan4j
     * caches them and hands them back to {@link #classify}. Must not draw from, or reseed, the random
     * generator that GAN training uses (it may run in a training listener): every random choice comes
     * from {@code training.seed()}.
     *
     * @throws IllegalArgumentException if the images do not fit the spec or are not labelled with
     *     classes in {@code [0, spec.classes())}
     * @throws UnsupportedOperationException if the engine has no classifiers (the default)
     * @throws GanException if the engine fails
     */
    default byte[] trainClassifier(ClassifierSpec spec, ClassifierTraining training, ImageDataset data) {
        throw new UnsupportedOperationException("engine " + name() + " cannot train classifiers");
    }

    /**
     * Classifies images with weights from {@link #trainClassifier}, in inference mode (BatchNorm uses
     * its running statistics), recording no gradients.
     *
     * @throws IllegalArgumentException if the weights do not fit the spec or the images' shape differs
     *     from its input
     * @throws UnsupportedOperationException if the engine has no classifiers (the default)
     * @throws GanException if the engine fails
     */
    default Classification classify(ClassifierSpec spec, byte[] weights, ImageDataset images) {
        throw new UnsupportedOperationException("engine " + name() + " cannot classify images");
    }
}
