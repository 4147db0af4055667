package dev.gan4j.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.gan4j.image.ImageBatch;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.train.ClassLabels;
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
        int count = checkLatents(latents);
        return run(latents, spec.classes() == 0 ? null : ClassLabels.balanced(count, spec.classes()));
    }

    @Override
    public ImageBatch generate(float[] latents, int[] labels) {
        ClassLabels.check(spec, labels);
        int count = checkLatents(latents);
        if (count != labels.length) {
            throw new IllegalArgumentException("latents hold " + count + " vectors but labels " + labels.length
                    + "; give one label per latent vector");
        }
        return run(latents, labels);
    }

    /** Checks the latents' length and returns how many vectors they hold. */
    private int checkLatents(float[] latents) {
        int latentDim = spec.latentDim();
        if (latents.length == 0 || latents.length % latentDim != 0) {
            throw new IllegalArgumentException(
                    "latents has " + latents.length + " floats; it must be a positive multiple of latentDim "
                            + latentDim);
        }
        // checkCount refuses more images than one array holds, so no size below overflows an int.
        return ImageBatch.checkCount(latents.length / latentDim, spec.outputShape());
    }

    /** Runs the network on checked latents and, for a conditional generator, labels (else {@code null}). */
    private ImageBatch run(float[] latents, int[] labels) {
        int latentDim = spec.latentDim();
        int count = latents.length / latentDim;
        int imageSize = (int) spec.outputShape().size();
        float[] pixels = new float[count * imageSize];
        boolean wasRecording = GradMode.set(false);
        try {
            for (int from = 0; from < count; from += CHUNK) {
                int n = Math.min(CHUNK, count - from);
                try (NDManager scope = manager.newSubManager()) {
                    float[] z = new float[n * latentDim];
                    System.arraycopy(latents, from * latentDim, z, 0, z.length);
                    NDArray y = null;
                    if (labels != null) {
                        long[] chunk = new long[n];
                        for (int i = 0; i < n; i++) {
                            chunk[i] = labels[from + i];
                        }
                        y = scope.create(chunk);
                    }
                    NDArray images = network.forward(scope.create(z, new Shape(n, latentDim)), y, false);
                    System.arraycopy(HostReads.floats(images), 0, pixels, from * imageSize, n * imageSize);
                }
            }
        } finally {
            GradMode.set(wasRecording);
        }
        return ImageBatch.of(pixels, count, spec.outputShape());
    }
}
