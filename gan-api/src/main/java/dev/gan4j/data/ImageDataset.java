package dev.gan4j.data;

import dev.gan4j.spec.TensorShape;
import java.nio.FloatBuffer;

/**
 * Images to train on, channels-first {@code (C, H, W)}, pixels scaled to [-1, 1] (the range of a
 * tanh generator). Engines copy the whole set to the training device once and gather batches there
 * by index, so implementations only need bulk copies.
 */
public interface ImageDataset {

    /** Returns the number of images. */
    int size();

    /** Returns the shape of one image, {@code (C, H, W)}. */
    TensorShape imageShape();

    /**
     * Copies images {@code [from, from + count)} into {@code dst}, image after image, each in
     * channels-first row-major order, pixels in [-1, 1].
     *
     * @throws IndexOutOfBoundsException if the range is not within {@code [0, size())}
     * @throws java.nio.BufferOverflowException if {@code dst} has too little room
     */
    void copyImages(int from, int count, FloatBuffer dst);

    /** Returns whether every image has a class label. */
    boolean hasLabels();

    /**
     * Returns the class label of image {@code index}.
     *
     * @throws IllegalStateException if {@link #hasLabels()} is false
     */
    int label(int index);
}
