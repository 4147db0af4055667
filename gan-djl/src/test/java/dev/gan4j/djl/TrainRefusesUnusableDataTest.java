package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.data.ImageDataset;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.spec.TensorShape;
import dev.gan4j.train.ComputeDevice;
import dev.gan4j.train.GanTrainer;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

/**
 * Data sets that cannot train are refused by {@code train} before the engine runs, with a message
 * that says what is wrong and how to fix it, rather than training on nonsense or failing inside the
 * engine's upload.
 */
class TrainRefusesUnusableDataTest {

    @Test
    void pixelsInZeroTo255AreRefusedNamingTheirRangeAndTheScaling() {
        GanTrainer trainer = GanTrainer.builder()
                .generator(TinyGan.generator()).discriminator(TinyGan.discriminator())
                .batchSize(8).stepsPerEpoch(2).epochs(1).device(ComputeDevice.cpu()).seed(1)
                .build();
        // Unscaled bytes: 0, 1, ..., 255, 0, 1, ... as a user might hand over decoded PNG pixels.
        ImageDataset bytes = new Images(32, TensorShape.of(1, 8, 8), i -> i % 256);

        assertThatThrownBy(() -> trainer.train(bytes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pixels must be in [-1, 1], the range of the generator's tanh, but the values of the"
                        + " first 8 images are in [0.0, 255.0]: pixel 2 of image 0, 2.0, is the first outside."
                        + " Scale 0..255 bytes by x / 127.5 - 1 (as Mnist does) and 0..1 values by 2x - 1");
    }

    @Test
    void aNaNPixelIsRefusedNamingItsImage() {
        GanTrainer trainer = GanTrainer.builder()
                .generator(TinyGan.generator()).discriminator(TinyGan.discriminator())
                .batchSize(8).stepsPerEpoch(2).epochs(1).device(ComputeDevice.cpu()).seed(1)
                .build();
        // Pixel 5 of image 3 failed to decode.
        ImageDataset broken = new Images(32, TensorShape.of(1, 8, 8), i -> i == 3 * 64 + 5 ? Float.NaN : 0.5f);

        assertThatThrownBy(() -> trainer.train(broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pixels must be finite, in [-1, 1], but pixel 5 of image 3 is NaN (the finite values"
                        + " of the first 8 images are in [0.5, 0.5])");
    }

    @Test
    void aDataSetLargerThanOneDeviceBufferIsRefusedNamingItsSizeAndTheLimit() {
        GanTrainer trainer = GanTrainer.builder()
                .generator(GeneratorSpec.dcgan().outputShape(3, 64, 64).width(2).latentDim(4).build())
                .discriminator(DiscriminatorSpec.dcgan().inputShape(3, 64, 64).width(2).build())
                .batchSize(8).stepsPerEpoch(1).epochs(1).device(ComputeDevice.cpu()).seed(1)
                .build();
        // 140,000 images of (3, 64, 64) that hold nothing: the check must not read them.
        ImageDataset large = new Images(140_000, TensorShape.of(3, 64, 64), i -> {
            throw new AssertionError("pixels were read");
        });

        assertThatThrownBy(() -> trainer.train(large))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("140000 images of (3, 64, 64) are 1720320000 floats (6881280000 bytes); a data set"
                        + " goes to the training device in one buffer of at most 2147483647 bytes (2^31 - 1),"
                        + " 536870911 floats: at most 43690 images of (3, 64, 64). Train on fewer images"
                        + " (InMemoryImageDataset.subset) or smaller ones");
    }

    /** The value of pixel {@code i}, counted over the whole data set. */
    private interface Pixels {
        float at(long i);
    }

    /** Images whose pixel {@code i} (counted over the whole data set) is {@code value(i)}. */
    private static final class Images implements ImageDataset {
        private final int size;
        private final TensorShape shape;
        private final Pixels value;

        Images(int size, TensorShape shape, Pixels value) {
            this.size = size;
            this.shape = shape;
            this.value = value;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public TensorShape imageShape() {
            return shape;
        }

        @Override
        public void copyImages(int from, int count, FloatBuffer dst) {
            long first = from * shape.size();
            for (long i = first; i < first + count * shape.size(); i++) {
                dst.put(value.at(i));
            }
        }

        @Override
        public boolean hasLabels() {
            return false;
        }

        @Override
        public int label(int index) {
            throw new IllegalStateException("no labels");
        }
    }
}
