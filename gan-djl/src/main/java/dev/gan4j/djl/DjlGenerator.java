package dev.gan4j.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.gan4j.image.ImageBatch;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.train.Generator;

/**
 * Draws images from a {@link Network} in inference mode: BatchNorm uses its running statistics,
 * dropout is off, and no autograd graph is recorded.
 */
class DjlGenerator implements Generator {

    /** Images per forward pass, to bound device memory for large requests. */
    private static final int CHUNK = 256;

    private final GeneratorSpec spec;
    private final Network network;
    private final NDManager manager;

    DjlGenerator(GeneratorSpec spec, Network network, NDManager manager) {
        this.spec = spec;
        this.network = network;
        this.manager = manager;
    }

    Network network() {
        return network;
    }

    /** Returns the manager the generator's arrays and scratch scopes live in. */
    NDManager manager() {
        return manager;
    }

    @Override
    public GeneratorSpec spec() {
        return spec;
    }

    @Override
    public ImageBatch generate(float[] latents) {
        int latentDim = spec.latentDim();
        if (latents.length == 0 || latents.length % latentDim != 0) {
            throw new IllegalArgumentException(
                    "latents has " + latents.length + " floats; it must be a positive multiple of latentDim "
                            + latentDim);
        }
        // checkCount refuses more images than one array holds, so neither size below overflows an int.
        int count = ImageBatch.checkCount(latents.length / latentDim, spec.outputShape());
        int imageSize = (int) spec.outputShape().size();
        float[] pixels = new float[count * imageSize];
        boolean wasRecording = GradMode.set(false);
        try {
            for (int from = 0; from < count; from += CHUNK) {
                int n = Math.min(CHUNK, count - from);
                try (NDManager scope = manager.newSubManager()) {
                    float[] z = new float[n * latentDim];
                    System.arraycopy(latents, from * latentDim, z, 0, z.length);
                    NDArray images = network.forward(scope.create(z, new Shape(n, latentDim)), false);
                    System.arraycopy(HostReads.floats(images), 0, pixels, from * imageSize, n * imageSize);
                }
            }
        } finally {
            GradMode.set(wasRecording);
        }
        return ImageBatch.of(pixels, count, spec.outputShape());
    }
}
