package dev.gan4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.spec.TensorShape;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.GanTrainer;
import org.junit.jupiter.api.Test;

class DatasetChecksTest {

    private static final TensorShape MNIST = TensorShape.of(1, 28, 28);

    @Test
    void acceptsPixelsARoundingBeyondMinusOneAndOne() {
        ComputedImages data = new ComputedImages(4, TensorShape.of(1, 1, 3), i -> i % 3 == 0 ? -1f - 5e-7f : i % 3 == 1 ? 1f + 5e-7f : 0f);

        DatasetChecks.checkPixels(data, 4);
    }

    @Test
    void refusesAPixelBeyondTheToleranceNamingTheRangeTheFirstImageOutsideAndTheScaling() {
        // Image 2 of (1, 1, 2) is {0.5, 1.00001}, image 3 {-3, 0}; the rest 0.
        float[] pixels = {0, 0, 0, 0, 0.5f, 1.00001f, -3f, 0};
        ComputedImages data = new ComputedImages(4, TensorShape.of(1, 1, 2), i -> pixels[(int) i]);

        assertThatThrownBy(() -> DatasetChecks.checkPixels(data, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pixels must be in [-1, 1], the range of the generator's tanh, but the values of the"
                        + " first 4 images are in [-3.0, 1.00001]: pixel 1 of image 2, 1.00001, is the first outside."
                        + " Scale 0..255 bytes by x / 127.5 - 1 (as Mnist does) and 0..1 values by 2x - 1");
    }

    @Test
    void refusesAnInfinitePixelNamingItsImage() {
        ComputedImages data = new ComputedImages(3, TensorShape.of(1, 1, 2), i -> i == 3 ? Float.NEGATIVE_INFINITY : -0.25f);

        assertThatThrownBy(() -> DatasetChecks.checkPixels(data, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pixels must be finite, in [-1, 1], but pixel 1 of image 1 is -Infinity (the finite"
                        + " values of the first 3 images are in [-0.25, -0.25])");
    }

    @Test
    void refusesImagesThatHoldNothingFinite() {
        ComputedImages data = new ComputedImages(1, TensorShape.of(1, 1, 2), i -> Float.NaN);

        assertThatThrownBy(() -> DatasetChecks.checkPixels(data, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pixels must be finite, in [-1, 1], but pixel 0 of image 0 is NaN (the first image"
                        + " holds no finite value)");
    }

    @Test
    void readsTheFirstBatchOnlyAndInChunksOfBoundedSize() {
        GanConfig config = GanTrainer.builder()
                .generator(GeneratorSpec.dcgan().outputShape(3, 64, 64).build())
                .discriminator(DiscriminatorSpec.dcgan().inputShape(3, 64, 64).build())
                .batchSize(64)
                .config();
        // Image 64, the first of the second batch, is out of range: the check does not look at it.
        ComputedImages data = new ComputedImages(1000, TensorShape.of(3, 64, 64), i -> i >= 64 * 12288 ? 255f : 0f);

        DatasetChecks.check(config, data);

        assertThat(data.copies).first().isEqualTo(new int[] {0, 5});
        assertThat(data.copies).allSatisfy(c -> assertThat(c[1] * 12288).isLessThanOrEqualTo(1 << 16));
        assertThat(data.copies.stream().mapToInt(c -> c[1]).sum()).isEqualTo(64);
        assertThat(data.copies).last().isEqualTo(new int[] {60, 4});
    }

    @Test
    void refusesMoreImagesThanOneDeviceBufferHoldsWithoutReadingThem() {
        assertThatThrownBy(() -> DatasetChecks.checkSize(140_000, TensorShape.of(3, 64, 64)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("140000 images of (3, 64, 64) are 1720320000 floats (6881280000 bytes); a data set"
                        + " goes to the training device in one buffer of at most 2147483647 bytes (2^31 - 1),"
                        + " 536870911 floats: at most 43690 images of (3, 64, 64). Train on fewer images"
                        + " (InMemoryImageDataset.subset) or smaller ones");
    }

    @Test
    void acceptsExactlyAsManyImagesAsOneDeviceBufferHolds() {
        DatasetChecks.checkSize(43_690, TensorShape.of(3, 64, 64));

        assertThatThrownBy(() -> DatasetChecks.checkSize(43_691, TensorShape.of(3, 64, 64)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("43691 images of (3, 64, 64) are 536875008 floats (2147500032 bytes);");
        DatasetChecks.checkSize(684_784, MNIST);
        assertThatThrownBy(() -> DatasetChecks.checkSize(684_785, MNIST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 684784 images of (1, 28, 28)");
    }

    @Test
    void refusesAnImageLargerThanOneDeviceBuffer() {
        assertThatThrownBy(() -> DatasetChecks.checkSize(1, TensorShape.of(4, 20_000, 20_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("one image of (4, 20000, 20000) is 1600000000 floats; a data set goes to the training"
                        + " device in one buffer of at most 2147483647 bytes (2^31 - 1), 536870911 floats. Use"
                        + " smaller images");
    }
}
