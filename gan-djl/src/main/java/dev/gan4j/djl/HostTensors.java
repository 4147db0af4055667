package dev.gan4j.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.gan4j.spi.HostTensor;
import java.util.ArrayList;
import java.util.List;

/** Converts between DJL arrays and the engine-neutral {@link HostTensor}s. */
final class HostTensors {

    private HostTensors() {}

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

    /** Copies an array to the host under {@code name}. */
    static HostTensor of(String name, boolean trainable, NDArray array) {
        return new HostTensor(name, trainable, array.getShape().getShape(), HostReads.floats(array));
    }

    /** Creates every parameter in {@code manager}, on its device, in order. */
    static List<Param> toParams(List<HostTensor> tensors, NDManager manager) {
        List<Param> params = new ArrayList<>(tensors.size());
        for (HostTensor t : tensors) {
            params.add(toParam(t, manager));
        }
        return params;
    }

    /** Creates the parameter in {@code manager}, on its device. */
    static Param toParam(HostTensor t, NDManager manager) {
        return new Param(t.name(), toArray(t, manager), t.trainable());
    }

    /** Creates the array in {@code manager}, on its device. */
    static NDArray toArray(HostTensor t, NDManager manager) {
        return manager.create(t.values(), new Shape(t.shape()));
    }

    /** Whether {@code t} has the parameter's name and shape, so that it can be loaded into it. */
    static boolean fits(HostTensor t, Param p) {
        return t.fits(p.name(), p.array().getShape().getShape());
    }

    /** Overwrites the values of {@code target}, an array of {@code t}'s shape, on its device. */
    static void copyInto(HostTensor t, NDArray target) {
        try (NDArray values = toArray(t, target.getManager())) {
            values.copyTo(target);
        }
    }
}
