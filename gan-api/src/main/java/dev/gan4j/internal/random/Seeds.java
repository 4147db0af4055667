package dev.gan4j.internal.random;

/**
 * Derives every random stream of a run from its seed and a counter, so that a run resumed from a
 * checkpoint draws exactly what the uninterrupted run would have drawn. Torch's generator state cannot
 * be read through DJL, so instead of saving it the engine reseeds it at the start of each step from
 * (seed, global step); each pass over the data gets its own permutation from (seed, pass).
 */
public final class Seeds {

    /** Separates the streams, so that step 3's seed never equals pass 3's. */
    private static final long STEP_STREAM = 0x5354455053454544L; // "STEPSEED"
    private static final long PASS_STREAM = 0x5041535353454544L; // "PASSSEED"
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private Seeds() {}

    /**
     * The seed of torch's generator for global step {@code step} (latents, dropout).
     *
     * @param runSeed the run's seed
     * @param step the global step
     * @return the seed of torch's generator for global step {@code step} (latents, dropout)
     */
    public static long forStep(long runSeed, long step) {
        return derive(runSeed, STEP_STREAM, step);
    }

    /**
     * The seed of the permutation of pass {@code pass} over the data, from 0.
     *
     * @param runSeed the run's seed
     * @param pass the pass over the data, from 0
     * @return the seed of the permutation of pass {@code pass} over the data, from 0
     */
    public static long forPass(long runSeed, long pass) {
        return derive(runSeed, PASS_STREAM, pass);
    }

    /** SplittableRandom's scheme: the counter-th value of a SplitMix64 stream keyed by seed and stream. */
    private static long derive(long runSeed, long stream, long counter) {
        return mix64(mix64(runSeed ^ stream) + (counter + 1) * GOLDEN_GAMMA);
    }

    /** Stafford's variant 13 finaliser, as in SplittableRandom. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
