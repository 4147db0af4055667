package dev.gan4j.examples.onnx;

import java.util.SplittableRandom;

/**
 * Draws the contract's latent vectors, N(0, 1), with gan4j's reference sampler: Box-Muller on the
 * doubles of a {@link SplittableRandom}. Any N(0, 1) source is valid input; this one makes a seed
 * give the same images here as {@code Generator.generate(count, seed)} gives in gan4j.
 */
public final class NormalLatents {

    private NormalLatents() {}

    /** Returns {@code count * latentDim} samples drawn with {@code seed}. */
    public static float[] draw(int count, int latentDim, long seed) {
        float[] z = new float[Math.multiplyExact(count, latentDim)];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < z.length; i += 2) {
            double u1 = 1.0 - random.nextDouble();
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
