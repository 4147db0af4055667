package dev.gan4j.spi;

import dev.gan4j.data.ImageDataset;
import dev.gan4j.quality.Classification;
import dev.gan4j.quality.ClassifierTraining;
import dev.gan4j.spec.ClassifierSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.train.ComputeDevice;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.GanException;
import dev.gan4j.train.Provenance;
import dev.gan4j.train.TrainedGan;
import java.util.List;
import java.util.Optional;

/**
 * The service an engine module provides, found with {@link java.util.ServiceLoader}: what gan4j needs
 * of an engine, and nothing more. The training loop, checkpoints, saved generators, health and
 * provenance are engine-neutral ({@link TrainingLoop}); an engine opens a {@link TrainingSession} per
 * run, makes a generator from host tensors, and trains and runs the quality metric's classifier.
 * Providers must be cheap to construct: load native libraries on first real use, not in the
 * constructor.
 */
public interface GanTrainerProvider {

    /**
     * Returns the engine's short name, e.g. {@code djl}, as matched by {@code -Dgan4j.engine}.
     *
     * @return the engine's short name
     */
    String name();

    /**
     * Opens a training run: creates both networks from the specs, their weights drawn from the run's
     * seed, or restores them and everything else of {@code resumeFrom}, and readies {@code data}
     * (already checked against the config) for training.
     *
     * @param resumeFrom the state of a checkpoint to continue from, or empty for a new run
     * @param config the run's settings
     * @param data the real images
     * @return the open session, which the caller closes
     * @throws IllegalArgumentException if {@code resumeFrom} does not fit the specs
     * @throws GanException if the engine fails
     */
    TrainingSession open(GanConfig config, ImageDataset data, Optional<SessionState> resumeFrom);

    /**
     * Returns the devices this engine can train on here: {@link ComputeDevice#cpu()} first, then
     * {@link ComputeDevice#gpu(int)} for each GPU it sees, in order. A device not listed is refused by
     * training. May load the engine's native libraries.
     *
     * <pre>{@code boolean gpu = Engines.provider().devices().contains(ComputeDevice.gpu(0));}</pre>
     *
     * @return the devices this engine can train on here: {@link ComputeDevice#cpu()} first, then {@link
     *     ComputeDevice#gpu(int)} for each GPU it sees, in order
     * @throws UnsupportedOperationException if the engine cannot list its devices (the default)
     * @throws GanException if the engine fails to load
     */
    default List<ComputeDevice> devices() {
        throw new UnsupportedOperationException("engine " + name() + " cannot list its devices");
    }

    /**
     * Makes a generator from its spec and parameters (a saved generator being loaded), in inference
     * mode on the engine's default device.
     *
     * @param spec the generator's spec
     * @param parameters its parameters, in the spec's order
     * @param provenance where it came from
     * @return the generator, ready to draw images
     * @throws IllegalArgumentException if the parameters do not fit the spec, naming the first that
     *     does not
     */
    TrainedGan generator(GeneratorSpec spec, List<HostTensor> parameters, Provenance provenance);

    /**
     * Trains an image classifier on labelled images, for the quality metric ({@link
     * dev.gan4j.quality.QualityMetric}), and returns its weights in the engine's own encoding: gan4j
     * caches them and hands them back to {@link #classify}. Must not draw from, or reseed, the random
     * generator that GAN training uses (it may run in a training listener): every random choice comes
     * from {@code training.seed()}.
     *
     * @param spec the classifier's architecture
     * @param training how it is trained
     * @param data the labelled images
     * @return its weights in the engine's own encoding: gan4j caches them and hands them back to {@link
     *     #classify}
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
     * @param spec the classifier's architecture
     * @param weights the weights {@link #trainClassifier} returned
     * @param images the images to classify
     * @return the class probabilities and features of every image
     * @throws IllegalArgumentException if the weights do not fit the spec or the images' shape differs
     *     from its input
     * @throws UnsupportedOperationException if the engine has no classifiers (the default)
     * @throws GanException if the engine fails
     */
    default Classification classify(ClassifierSpec spec, byte[] weights, ImageDataset images) {
        throw new UnsupportedOperationException("engine " + name() + " cannot classify images");
    }
}
