package dev.gan4j.djl;

import ai.djl.pytorch.jni.JniUtils;

/** Seeds torch's random generators, from which initial weights, latents and dropout masks are drawn. */
final class TorchRandom {

    private TorchRandom() {}

    /**
     * Seeds torch's process-wide generators (CPU and every CUDA device) with all 64 bits; DJL's {@code
     * Engine.setRandomSeed} takes an int.
     */
    static void seed(long seed) {
        JniUtils.setSeed(seed);
    }

    /** DJL's engine seed is an int: fold the long so that every bit of it counts. */
    static int foldSeed(long seed) {
        return (int) (seed ^ (seed >>> 32));
    }
}
