package dev.gan4j.train;

import dev.gan4j.image.ImageBatch;
import dev.gan4j.spec.GeneratorSpec;

/** A generator that draws images, in inference mode (BatchNorm uses its running statistics). */
public interface Generator {

    /** Returns the generator's architecture. */
    GeneratorSpec spec();

    /**
     * Draws {@code count} images from latent vectors sampled from N(0, 1) with {@code seed}; the same
     * seed gives the same latents on every engine and device.
     *
     * @throws IllegalArgumentException if {@code count < 1}
     */
    ImageBatch generate(int count, long seed);

    /**
     * Draws one image per latent vector.
     *
     * @param latents {@code count * latentDim} floats, vector after vector
     * @throws IllegalArgumentException if the length is not a positive multiple of the latent size
     */
    ImageBatch generate(float[] latents);
}
