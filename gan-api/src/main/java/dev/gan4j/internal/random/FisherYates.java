package dev.gan4j.internal.random;

import java.util.SplittableRandom;

/** The Fisher-Yates shuffle, shared by the GAN's data passes and the quality classifier's batches. */
public final class FisherYates {

    private FisherYates() {}

    /**
     * Shuffles {@code values} in place: every order equally likely, from {@code random} alone.
     *
     * @param values the values to shuffle
     * @param random the seeded generator of the order
     */
    public static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
