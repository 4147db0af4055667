package dev.gan4j.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A named float tensor in host memory: what the saved-generator and checkpoint files hold, read and
 * checked without any native code.
 *
 * @param name unique within its block, e.g. {@code 3.weight}
 * @param trainable whether gradients update it (BatchNorm running statistics are not)
 * @param shape the dimensions, PyTorch layout
 * @param values the floats in row-major order, {@code product(shape)} of them
 */
record HostTensor(String name, boolean trainable, long[] shape, float[] values) {

    /** Copies a parameter to the host (a device synchronisation on a GPU). */
    static HostTensor of(Param p) {
        return of(p.name(), p.trainable(), p.array());
    }

    /** Copies an array to the host under {@code name}. */
    static HostTensor of(String name, boolean trainable, NDArray array) {
        return new HostTensor(name, trainable, array.getShape().getShape(), array.toFloatArray());
    }

    /** Creates the array in {@code manager}, on its device. */
    NDArray toArray(NDManager manager) {
        return manager.create(values, new Shape(shape));
    }

    /** Creates the parameter in {@code manager}, on its device. */
    Param toParam(NDManager manager) {
        return new Param(name, toArray(manager), trainable);
    }
}
