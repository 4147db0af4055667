package dev.gan4j.djl;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A classifier's parameters as bytes, the engine's encoding that gan-api caches: the same {@link
 * TensorBlock} that saved generators and checkpoints hold.
 */
final class ClassifierWeights {

    private static final String WHAT = "classifier weights";

    private ClassifierWeights() {}

    static byte[] encode(List<Param> params) {
        List<HostTensor> tensors = new ArrayList<>(params.size());
        for (Param p : params) {
            tensors.add(HostTensor.of(p));
        }
        return TensorBlock.write(tensors);
    }

    /**
     * Reads parameters written by {@link #encode} into {@code manager}.
     *
     * @throws IllegalArgumentException if the bytes are not classifier weights
     */
    static List<Param> decode(byte[] bytes, NDManager manager) {
        List<HostTensor> tensors;
        try {
            tensors = TensorBlock.read(null, WHAT, bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        List<Param> params = new ArrayList<>(tensors.size());
        for (HostTensor t : tensors) {
            params.add(t.toParam(manager));
        }
        return params;
    }
}
