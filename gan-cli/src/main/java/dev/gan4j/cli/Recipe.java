package dev.gan4j.cli;

import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.train.Adam;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.LabelSmoothing;

/**
 * The recipes {@code gan4j train --recipe} offers for MNIST, with their own defaults: {@code dcgan} (the
 * compact preset that draws digits in a few minutes on two CPU cores) and {@code keras} (the Keras DCGAN
 * reference recipe exactly). gan-examples' DeviceCheck trains the first.
 */
public enum Recipe {
    /** The compact DCGAN preset: Adam(2e-4, 0.5), one-sided smoothing 0.9, batch 32, 36 epochs. */
    DCGAN("dcgan", 32, 36, 2e-4, 0.5),
    /** The Keras reference: Adam(1e-4, 0.3), labels 0.9/0.1, batch 64, 5 epochs of a tenth of a pass. */
    KERAS("keras", 64, 5, 1e-4, 0.3);

    private final String id;
    private final int batchSize;
    private final int epochs;
    private final double learningRate;
    private final double beta1;

    Recipe(String id, int batchSize, int epochs, double learningRate, double beta1) {
        this.id = id;
        this.batchSize = batchSize;
        this.epochs = epochs;
        this.learningRate = learningRate;
        this.beta1 = beta1;
    }

    /**
     * Returns the recipe named {@code name}: {@code dcgan} or {@code keras}.
     *
     * @param name the name on the command line
     * @return the recipe of that name
     * @throws IllegalArgumentException naming the valid ones otherwise
     */
    public static Recipe of(String name) {
        for (Recipe r : values()) {
            if (r.id.equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("--recipe must be dcgan or keras, got " + name);
    }

    /**
     * Returns the name on the command line, {@code dcgan} or {@code keras}.
     *
     * @return the name on the command line
     */
    public String id() {
        return id;
    }

    /**
     * Returns the recipe's real images per step: 32 for dcgan, 64 for keras.
     *
     * @return the recipe's batch size
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Returns the recipe's epochs: 36 for dcgan, 5 for keras.
     *
     * @return the recipe's epochs
     */
    public int epochs() {
        return epochs;
    }

    /**
     * Returns the recipe's Adam, with {@code learningRate} for both networks.
     *
     * @param learningRate the learning rate of both networks
     * @return the recipe's Adam with that learning rate
     */
    public Adam adam(double learningRate) {
        return Adam.of(learningRate, beta1);
    }

    /**
     * Returns the recipe's learning rate: 2e-4 for dcgan, 1e-4 for keras.
     *
     * @return the recipe's learning rate
     */
    public double learningRate() {
        return learningRate;
    }

    /**
     * Returns a builder holding the recipe for a data set of {@code datasetSize} images.
     *
     * @param datasetSize the number of real images, which sets keras's steps per epoch
     * @return a builder holding the recipe
     */
    public GanTrainer.Builder builder(int datasetSize) {
        if (this == KERAS) {
            // The reference recipe: Adam(1e-4, beta1 0.3), labels 0.9/0.1, a tenth of a pass per epoch.
            return GanTrainer.builder()
                    .generator(generator(0))
                    .discriminator(discriminator(false))
                    .labelSmoothing(LabelSmoothing.twoSided(0.9f, 0.1f))
                    .optimizer(adam(learningRate))
                    .batchSize(batchSize)
                    .stepsPerEpoch(Math.max(1, datasetSize / batchSize / 10))
                    .epochs(epochs);
        }
        // Radford et al.'s optimiser with one-sided smoothing; batch 32 because on a CPU more updates
        // of half the size learn more per second (measured: docs/recipes.md).
        return GanTrainer.builder()
                .generator(generator(0))
                .discriminator(discriminator(false))
                .labelSmoothing(LabelSmoothing.oneSided(0.9f))
                .optimizer(adam(learningRate))
                .batchSize(batchSize)
                .epochs(epochs);
    }

    /**
     * Returns the recipe's discriminator, every layer spectrally normalised if {@code spectralNorm}.
     *
     * @param spectralNorm whether to normalise every layer spectrally
     * @return the recipe's discriminator
     */
    public DiscriminatorSpec discriminator(boolean spectralNorm) {
        return discriminator(spectralNorm, true, 0);
    }

    /**
     * Returns the recipe's discriminator with the options that change it.
     *
     * @param spectralNorm whether to normalise every layer spectrally
     * @param batchNorm whether the dcgan discriminator may keep its BatchNorm (a gradient penalty refuses
     *     it); the keras one has none
     * @param classes the classes of a projection discriminator (Miyato &amp; Koyama 2018), or 0 for an
     *     unconditional one
     * @return the recipe's discriminator
     */
    public DiscriminatorSpec discriminator(boolean spectralNorm, boolean batchNorm, int classes) {
        if (this == KERAS) {
            var keras = DiscriminatorSpec.kerasDcgan().spectralNorm(spectralNorm);
            return (classes > 0 ? keras.conditional(classes) : keras).build();
        }
        var dcgan = DiscriminatorSpec.dcgan().spectralNorm(spectralNorm);
        if (!batchNorm) {
            dcgan.batchNorm(false);
        }
        return (classes > 0 ? dcgan.conditional(classes) : dcgan).build();
    }

    /**
     * Returns the recipe's generator.
     *
     * @param classes the classes of a generator that takes a label (its embedding joins z), or 0 for an
     *     unconditional one
     * @return the recipe's generator
     */
    public GeneratorSpec generator(int classes) {
        if (this == KERAS) {
            var keras = GeneratorSpec.kerasDcgan();
            return (classes > 0 ? keras.conditional(classes) : keras).build();
        }
        var dcgan = GeneratorSpec.dcgan();
        return (classes > 0 ? dcgan.conditional(classes) : dcgan).build();
    }
}
