package dev.gan4j.train;

import java.util.SplittableRandom;

/** Latent vectors drawn on the host, so that a seed means the same images on every engine and device. */
public final class Latents {

    // The largest array most JVMs allocate (as in java.util.ArrayList).
    private static final int MAX_FLOATS = Integer.MAX_VALUE - 8;

    private Latents() {}

    /**
     * Returns {@code count * latentDim} samples of N(0, 1), from a {@link SplittableRandom} seeded with
     * {@code seed} (Box-Muller on its doubles).
     *
     * @param count the number of latent vectors
     * @param latentDim the size of one latent vector
     * @param seed the seed
     * @return {@code count * latentDim} samples of N(0, 1), from a {@link SplittableRandom} seeded with
     *     {@code seed} (Box-Muller on its doubles)
     * @throws IllegalArgumentException if {@code count < 1}, {@code latentDim < 1}, or {@code count *
     *     latentDim} is more than one Java array holds ({@code Integer.MAX_VALUE - 8})
     */
    public static float[] normal(int count, int latentDim, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        if (latentDim < 1) {
            throw new IllegalArgumentException("latentDim must be >= 1, got " + latentDim);
        }
        long floats = (long) count * latentDim;
        if (floats > MAX_FLOATS) {
            throw new IllegalArgumentException("count " + count + " latent vectors of latentDim " + latentDim + " are "
                    + floats + " floats, more than the largest Java array (" + MAX_FLOATS + "); draw them in parts");
        }
        float[] z = new float[(int) floats];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < z.length; i += 2) {
            double u1 = 1.0 - random.nextDouble(); // in (0, 1], so the log is finite
            double u2 = random.nextDouble();
            double r = Math.sqrt(-2.0 * Math.log(u1));
            z[i] = (float) (r * Math.cos(2 * Math.PI * u2));
            if (i + 1 < z.length) {
                z[i + 1] = (float) (r * Math.sin(2 * Math.PI * u2));
            }
        }
        return z;
    }
}
