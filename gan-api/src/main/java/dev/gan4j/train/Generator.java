package dev.gan4j.train;

import dev.gan4j.image.ImageBatch;
import dev.gan4j.spec.GeneratorSpec;

/** A generator that draws images, in inference mode (BatchNorm uses its running statistics). */
public interface Generator {

    /**
     * Returns the generator's architecture.
     *
     * @return the generator's architecture
     */
    GeneratorSpec spec();

    /**
     * Draws {@code count} images from latent vectors sampled from N(0, 1) with {@code seed} ({@link
     * Latents#normal}); the same seed gives the same latents on every engine and device. Engines need
     * not override it: it checks the count, draws the latents and calls {@link #generate(float[])}, or,
     * for a class-conditional generator, {@link #generate(float[], int[])} with the balanced labels
     * {@code i % classes} ({@link ClassLabels#balanced}).
     *
     * @param count the number of images, at least 1
     * @param seed the seed of the latent vectors
     * @return the images drawn
     * @throws IllegalArgumentException if {@code count < 1}, or the images or the latents would not
     *     fit one Java array: more than {@link ImageBatch#maxCount ImageBatch.maxCount(spec().outputShape())}
     *     images; checked before anything is drawn
     */
    default ImageBatch generate(int count, long seed) {
        ImageBatch.checkCount(count, spec().outputShape());
        float[] latents = Latents.normal(count, spec().latentDim(), seed);
        return spec().classes() == 0 ? generate(latents) : generate(latents, ClassLabels.balanced(count, spec().classes()));
    }

    /**
     * Draws one image per label from a class-conditional generator: image {@code i} is of class {@code
     * labels[i]}, from latent vector {@code i} of {@link Latents#normal Latents.normal(labels.length,
     * latentDim, seed)}, so that {@code generate(ClassLabels.balanced(n, classes), seed)} equals {@link
     * #generate(int, long) generate(n, seed)}. For example {@code generate(new int[] {7, 7, 7}, 42)} draws
     * three sevens of a digits generator.
     *
     * @param labels the class label of each image, in [0, classes)
     * @param seed the seed the latents are drawn from
     * @return the images, image {@code i} of class {@code labels[i]}
     * @throws IllegalArgumentException if the generator is unconditional, {@code labels} is empty or a
     *     label is outside {@code [0, classes)} (naming its index and value; {@link ClassLabels#check}), or
     *     there are more images than {@link ImageBatch#maxCount}; checked before anything is drawn
     */
    default ImageBatch generate(int[] labels, long seed) {
        ClassLabels.check(spec(), labels);
        ImageBatch.checkCount(labels.length, spec().outputShape());
        return generate(Latents.normal(labels.length, spec().latentDim(), seed), labels);
    }

    /**
     * Draws one image per latent vector. A class-conditional generator draws image {@code i} of class
     * {@code i % classes} ({@link ClassLabels#balanced}).
     *
     * @param latents {@code count * latentDim} floats, vector after vector
     * @return the images drawn
     * @throws IllegalArgumentException if the length is not a positive multiple of the latent size,
     *     or the images are more than {@link ImageBatch#maxCount} of the output shape; checked before
     *     the engine runs ({@link ImageBatch#checkCount})
     */
    ImageBatch generate(float[] latents);

    /**
     * Draws one image per latent vector and label, from a class-conditional generator.
     *
     * @param latents {@code count * latentDim} floats, vector after vector
     * @param labels {@code count} labels in {@code [0, classes)}
     * @return the images, one per latent vector and label
     * @throws IllegalArgumentException if the generator is unconditional, a label is outside {@code [0,
     *     classes)} ({@link ClassLabels#check}), the latents are not {@code labels.length} vectors, or the
     *     images are more than {@link ImageBatch#maxCount}; checked before the engine runs
     * @throws UnsupportedOperationException from this default, for a conditional spec: an engine whose
     *     generators can be conditional overrides it (gan-djl's does), so that implementations of
     *     unconditional generators need not
     */
    default ImageBatch generate(float[] latents, int[] labels) {
        ClassLabels.check(spec(), labels);
        throw new UnsupportedOperationException(getClass().getName() + " does not draw by label; its engine"
                + " must override Generator.generate(float[], int[]) for a conditional spec");
    }
}
