package dev.gan4j.spi;

import java.util.Arrays;
import java.util.Objects;

/**
 * A named float tensor in host memory: how an engine hands parameters, optimiser moments and averages
 * to the engine-neutral code (saved generators, checkpoints, the ONNX export), which reads and checks
 * them without any native code. Engines convert to and from their own arrays.
 *
 * @param name unique within its list, e.g. {@code 3.weight}
 * @param trainable whether gradients update it (BatchNorm running statistics are not)
 * @param shape the dimensions, PyTorch layout
 * @param values the floats in row-major order, {@code product(shape)} of them
 */
public record HostTensor(String name, boolean trainable, long[] shape, float[] values) {

    /**
     * @param name unique within its list, e.g. {@code 3.weight}
     * @param trainable whether gradients update it (BatchNorm running statistics are not)
     * @param shape the dimensions, PyTorch layout
     * @param values the floats in row-major order, {@code product(shape)} of them
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code values} does not hold {@code product(shape)} floats
     */
    public HostTensor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(values, "values");
        long size = 1;
        for (long d : shape) {
            size *= d;
        }
        if (size != values.length) {
            throw new IllegalArgumentException("tensor " + name + " of shape " + Arrays.toString(shape) + " needs "
                    + size + " values, got " + values.length);
        }
    }

    /**
     * Whether this tensor has the name {@code otherName} and the shape {@code otherShape}, so that it can
     * be loaded into the parameter that has them.
     *
     * @param otherName the name to compare
     * @param otherShape the shape to compare
     * @return whether this tensor has the name {@code otherName} and the shape {@code otherShape}, so that it
     *     can be loaded into the parameter that has them
     */
    public boolean fits(String otherName, long[] otherShape) {
        return name.equals(otherName) && Arrays.equals(shape, otherShape);
    }
}
