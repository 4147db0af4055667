package dev.gan4j.djl;

import ai.djl.ndarray.NDManager;
import dev.gan4j.internal.io.TensorBlock;
import dev.gan4j.spi.HostTensor;
import java.io.IOException;
import java.util.List;

/**
 * A classifier's parameters as bytes, the engine's encoding that gan-api caches: the same {@link
 * TensorBlock} that saved generators and checkpoints hold.
 */
final class ClassifierWeights {

    private static final String WHAT = "classifier weights";

    private ClassifierWeights() {}

    static byte[] encode(List<Param> params) {
        return TensorBlock.write(HostTensors.ofAll(params));
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
        return HostTensors.toParams(tensors, manager);
    }
}
