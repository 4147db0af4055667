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
     * not override it: it checks the count, draws the latents and calls {@link #generate(float[])}.
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
        return generate(Latents.normal(count, spec().latentDim(), seed));
    }

    /**
     * Draws one image per latent vector.
     *
     * @param latents {@code count * latentDim} floats, vector after vector
     * @return the images drawn
     * @throws IllegalArgumentException if the length is not a positive multiple of the latent size,
     *     or the images are more than {@link ImageBatch#maxCount} of the output shape; checked before
     *     the engine runs ({@link ImageBatch#checkCount})
     */
    ImageBatch generate(float[] latents);
}
