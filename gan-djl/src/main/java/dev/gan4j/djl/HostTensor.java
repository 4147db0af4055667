package dev.gan4j.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

    /** Copies every parameter to the host, in order. */
    static List<HostTensor> ofAll(List<Param> params) {
        List<HostTensor> tensors = new ArrayList<>(params.size());
        for (Param p : params) {
            tensors.add(of(p));
        }
        return tensors;
    }

    /** Creates every parameter in {@code manager}, on its device, in order. */
    static List<Param> toParams(List<HostTensor> tensors, NDManager manager) {
        List<Param> params = new ArrayList<>(tensors.size());
        for (HostTensor t : tensors) {
            params.add(t.toParam(manager));
        }
        return params;
    }

    /** Copies an array to the host under {@code name}. */
    static HostTensor of(String name, boolean trainable, NDArray array) {
        return new HostTensor(name, trainable, array.getShape().getShape(), HostReads.floats(array));
    }

    /** Creates the array in {@code manager}, on its device. */
    NDArray toArray(NDManager manager) {
        return manager.create(values, new Shape(shape));
    }

    /** Whether this tensor has the parameter's name and shape, so that it can be loaded into it. */
    boolean fits(Param p) {
        return name.equals(p.name()) && Arrays.equals(shape, p.array().getShape().getShape());
    }

    /** Overwrites the values of {@code target}, an array of this shape, on its device. */
    void copyInto(NDArray target) {
        try (NDArray values = toArray(target.getManager())) {
            values.copyTo(target);
        }
    }

    /** Creates the parameter in {@code manager}, on its device. */
    Param toParam(NDManager manager) {
        return new Param(name, toArray(manager), trainable);
    }
}
