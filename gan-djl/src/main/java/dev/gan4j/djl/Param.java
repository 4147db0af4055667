package dev.gan4j.djl;

import ai.djl.ndarray.NDArray;

/**
 * One named parameter array of a {@link Network}.
 *
 * @param name unique within the network, e.g. {@code 3.weight}
 * @param array the values, on the training device
 * @param trainable whether gradients update it (BatchNorm running statistics are not)
 */
record Param(String name, NDArray array, boolean trainable) {}
