package dev.gan4j.djl;

import dev.gan4j.data.InMemoryImageDataset;
import dev.gan4j.spec.Conditioning;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.spec.Padding;
import dev.gan4j.spec.TensorShape;
import java.util.Random;

/** Small networks and data for fast engine tests; every layer kind that trains appears once. */
final class TinyGan {

    private TinyGan() {}

    static GeneratorSpec generator() {
        return GeneratorSpec.builder().latentDim(8)
                .dense(2 * 4 * 4, false).reshape(2, 4, 4).batchNorm().relu()
                .convTranspose(3, 3, 2, Padding.same()).leakyRelu(0.2f)
                .upsample(1)
                .conv(1, 3, 1, Padding.same()).tanh()
                .build();
    }

    static DiscriminatorSpec discriminator() {
        return discriminator(Conditioning.none());
    }

    /** The discriminator, taking a label as {@code conditioning} says. */
    static DiscriminatorSpec discriminator(Conditioning conditioning) {
        return DiscriminatorSpec.builder().inputShape(1, 8, 8).conditioning(conditioning)
                .conv(4, 3, 2, Padding.same()).leakyRelu(0.2f).dropout(0.3f)
                .conv(4, 3, 1, Padding.of(1)).batchNorm().leakyRelu(0.2f)
                .flatten().dense(1)
                .build();
    }

    /** Random images in [-1, 1], 1x8x8. */
    static InMemoryImageDataset data(int count, long seed) {
        return InMemoryImageDataset.of(pixels(count, seed), TensorShape.of(1, 8, 8));
    }

    /** The pixels of {@link #data}: {@code count} random 1x8x8 images in [-1, 1]. */
    static float[] pixels(int count, long seed) {
        Random random = new Random(seed);
        float[] pixels = new float[count * 64];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat() * 2 - 1;
        }
        return pixels;
    }
}
