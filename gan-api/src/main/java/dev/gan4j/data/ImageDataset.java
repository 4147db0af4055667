package dev.gan4j.data;

import dev.gan4j.spec.TensorShape;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * Images to train on, channels-first {@code (C, H, W)} with 1 (grey), 2 (grey and alpha), 3 (RGB) or 4
 * (RGBA) channels, pixels scaled to [-1, 1] (the range of a tanh generator). Engines copy the whole set
 * to the training device once and gather batches there by index, so implementations only need bulk
 * copies.
 *
 * <p>{@link dev.gan4j.train.GanTrainer#train} checks, before any engine runs, that the set fits the one
 * buffer it is uploaded in, at most 536,870,911 floats (2^31 - 1 bytes; for example 43,690 images of
 * {@code (3, 64, 64)} or 684,784 of {@code (1, 28, 28)}), and that the pixels of its first batch are
 * finite and in [-1, 1] (give or take 1e-6 of rounding). Scale 0..255 bytes by {@code x / 127.5 - 1},
 * as {@link Mnist} does, and values in [0, 1] by {@code 2x - 1}.
 */
public interface ImageDataset {

    /**
     * Returns the number of images.
     *
     * @return the number of images
     */
    int size();

    /**
     * Returns the shape of one image, {@code (C, H, W)}.
     *
     * @return the shape of one image, {@code (C, H, W)}
     */
    TensorShape imageShape();

    /**
     * Copies images {@code [from, from + count)} into {@code dst}, image after image, each in
     * channels-first row-major order, pixels in [-1, 1].
     *
     * @param from the first image, from 0
     * @param count the number of images, at least 1
     * @param dst the buffer the pixels are written to, from its position
     * @throws IndexOutOfBoundsException if the range is not within {@code [0, size())}
     * @throws java.nio.BufferOverflowException if {@code dst} has too little room
     */
    void copyImages(int from, int count, FloatBuffer dst);

    /**
     * Returns whether every image has a class label.
     *
     * @return whether every image has a class label
     */
    boolean hasLabels();

    /**
     * Returns the class label of image {@code index}.
     *
     * @param index the image, in {@code [0, size())}
     * @return the class label of image {@code index}
     * @throws IllegalStateException if {@link #hasLabels()} is false
     */
    int label(int index);

    /**
     * Returns the names of the classes, where the data set knows them: {@code classNames().get(k)} names
     * label {@code k} (for example the sub-folders of an image folder, sorted as torchvision's
     * {@code ImageFolder} sorts them). Exports and reports show them beside the numeric labels.
     *
     * <p>Default: an empty list, meaning "labels only" (as for MNIST, whose labels are their own names).
     *
     * @return the class names in label order, or an empty list when they are not known
     */
    default List<String> classNames() {
        return List.of();
    }
}
