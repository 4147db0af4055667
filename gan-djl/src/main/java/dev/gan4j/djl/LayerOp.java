package dev.gan4j.djl;

import ai.djl.ndarray.NDArray;

/** One compiled layer: a forward function over a batch, closing over its parameters. */
@FunctionalInterface
interface LayerOp {

    /**
     * Applies the layer to a batch. Results must stay in {@code x}'s manager (the step's), so every
     * op starts from {@code x} or attaches what it derives from parameters to {@code x.getManager()}.
     *
     * @param x the batch, first axis the batch
     * @param training whether BatchNorm uses batch statistics (and updates its running ones) and
     *     dropout drops
     */
    NDArray forward(NDArray x, boolean training);
}
