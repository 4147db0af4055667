package dev.gan4j.djl;

import ai.djl.ndarray.NDManager;
import dev.gan4j.train.Adam;

/** Maps gan4j's optimiser settings to our optimisers, which hold their state for checkpoints. */
final class Optimizers {

    private Optimizers() {}

    /**
     * Creates the optimiser of {@code network}'s trainable parameters, its state in {@code manager}.
     *
     * @param totalUpdates the updates of the run, over which its learning-rate schedule runs
     */
    static AdamOptimizer create(dev.gan4j.train.Optimizer spec, Network network, NDManager manager,
            long totalUpdates) {
        if (spec instanceof Adam) {
            return new AdamOptimizer((Adam) spec, network, manager, totalUpdates);
        }
        throw new IllegalArgumentException("optimizer " + spec.describe() + " is not supported by the DJL engine");
    }
}
