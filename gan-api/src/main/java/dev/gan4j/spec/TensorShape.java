package dev.gan4j.spec;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The shape of one example, without the batch dimension: {@code (100)} for a latent vector,
 * {@code (1, 28, 28)} for a grey-scale image in channels-first (NCHW) order. Images have 1 to 4
 * channels: see {@link #requireImage(String)}.
 *
 * <p>Immutable. Every dimension is at least 1.
 */
public final class TensorShape {

    private final int[] dims;

    private TensorShape(int[] dims) {
        this.dims = dims;
    }

    /**
     * Returns the shape with the given dimensions.
     *
     * @param dims the dimensions, each at least 1; at least one dimension
     * @return the shape
     * @throws IllegalArgumentException if no dimension is given or one is below 1
     */
    public static TensorShape of(int... dims) {
        if (dims == null || dims.length == 0) {
            throw new IllegalArgumentException("shape must have at least one dimension, got none");
        }
        for (int d : dims) {
            if (d < 1) {
                throw new IllegalArgumentException(
                        "shape " + Arrays.toString(dims) + " has dimension " + d
                                + "; every dimension must be >= 1");
            }
        }
        return new TensorShape(dims.clone());
    }

    /**
     * Returns this shape if it is an image that gan4j can train on and draw: {@code (C, H, W)} with C
     * of 1 (grey), 2 (grey and alpha), 3 (RGB) or 4 (RGBA), the pixel layouts a PNG file holds and
     * {@link dev.gan4j.image.ImageBatch} draws. The specs, {@code InMemoryImageDataset} and {@code
     * ImageBatch} check their image shapes with it, so that a shape no grid can draw is refused when
     * it is set rather than when the first epoch's samples are drawn.
     *
     * <p>Example: {@code shape.requireImage("inputShape")}.
     *
     * @param name what the shape is called where it was given, for the message, such as {@code
     *     "outputShape"}
     * @return this shape
     * @throws IllegalArgumentException if the shape is not of rank 3 or has another number of
     *     channels; the message names {@code name}, the shape and the channel counts allowed
     */
    public TensorShape requireImage(String name) {
        if (dims.length != 3) {
            throw new IllegalArgumentException(name + " must be an image (C, H, W), got " + this);
        }
        if (dims[0] > 4) {
            throw new IllegalArgumentException(name + " channels must be 1 (grey), 2 (grey and alpha), 3 (RGB)"
                    + " or 4 (RGBA), got " + dims[0] + " in " + this);
        }
        return this;
    }

    /**
     * Returns the number of dimensions.
     *
     * @return the number of dimensions
     */
    public int rank() {
        return dims.length;
    }

    /**
     * Returns one dimension.
     *
     * @param axis the axis, in {@code [0, rank())}
     * @return its size
     * @throws IndexOutOfBoundsException if {@code axis} is not in {@code [0, rank())}, naming both
     */
    public int dim(int axis) {
        if (axis < 0 || axis >= dims.length) {
            throw new IndexOutOfBoundsException(
                    "axis " + axis + " is not an axis of " + this + "; valid axes are [0, " + dims.length + ")");
        }
        return dims[axis];
    }

    /**
     * Returns a copy of the dimensions.
     *
     * @return a copy of the dimensions
     */
    public int[] dims() {
        return dims.clone();
    }

    /**
     * Returns the number of elements, the product of all dimensions.
     *
     * @return the number of elements, the product of all dimensions
     */
    public long size() {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorShape && Arrays.equals(dims, ((TensorShape) o).dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** Returns the shape as Keras prints it, for example {@code (1, 28, 28)}. */
    @Override
    public String toString() {
        return Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining(", ", "(", ")"));
    }
}
