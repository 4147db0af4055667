package dev.gan4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.data.ImageDataset;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.spec.TensorShape;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

class GanConfigTest {

    private static GanTrainer.Builder mnist() {
        return GanTrainer.builder().generator(GeneratorSpec.dcgan().build()).discriminator(DiscriminatorSpec.dcgan().build());
    }

    @Test
    void fullPassDropsTheLastPartialBatch() {
        GanConfig config = mnist().batchSize(64).config();

        assertThat(config.stepsPerEpochFor(60_000)).isEqualTo(937);
        assertThat(config.stepsPerEpochFor(64)).isEqualTo(1);
        assertThat(config.stepsPerEpochFor(127)).isEqualTo(1);
    }

    @Test
    void fullPassCountsARealBatchForEveryDiscriminatorStep() {
        GanConfig config = mnist().batchSize(64).discriminatorSteps(2).config();

        assertThat(config.stepsPerEpochFor(60_000)).isEqualTo(60_000 / 128);
    }

    @Test
    void explicitStepsPerEpochWins() {
        GanConfig shorter = mnist().batchSize(64).stepsPerEpoch(100).config();
        GanConfig longer = mnist().batchSize(64).stepsPerEpoch(5000).config();

        assertThat(shorter.stepsPerEpochFor(60_000)).isEqualTo(100);
        assertThat(longer.stepsPerEpochFor(60_000)).isEqualTo(5000);
    }

    @Test
    void rejectsDatasetSmallerThanOneStep() {
        GanConfig config = mnist().batchSize(64).discriminatorSteps(3).stepsPerEpoch(10).config();

        assertThatThrownBy(() -> config.stepsPerEpochFor(191))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dataset of 191 images is smaller than one step's 192 (batchSize 64 x discriminatorSteps 3);"
                        + " use a smaller batchSize");
    }

    @Test
    void checkDatasetAcceptsImagesOfTheGeneratorsShape() {
        GanConfig config = mnist().config();

        GanTrainer.checkDataset(config, new FakeDataset(1000, TensorShape.of(1, 28, 28)));
    }

    @Test
    void checkDatasetRejectsImagesOfAnotherShape() {
        GanConfig config = mnist().config();

        assertThatThrownBy(() -> GanTrainer.checkDataset(config, new FakeDataset(1000, TensorShape.of(3, 32, 32))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dataset images have shape (3, 32, 32) but the generator makes (1, 28, 28);"
                        + " build the specs for (3, 32, 32)");
    }

    @Test
    void checkDatasetRejectsTooFewImages() {
        GanConfig config = mnist().config();

        assertThatThrownBy(() -> GanTrainer.checkDataset(config, new FakeDataset(10, TensorShape.of(1, 28, 28))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dataset of 10 images is smaller than one step's 64 (batchSize 64 x discriminatorSteps 1);"
                        + " use a smaller batchSize");
    }

    @Test
    void checkDatasetRejectsNull() {
        GanConfig config = mnist().config();

        assertThatThrownBy(() -> GanTrainer.checkDataset(config, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("data");
    }

    /** A data set that holds only its size and shape: no pixels are needed to check it. */
    private static final class FakeDataset implements ImageDataset {
        private final int size;
        private final TensorShape shape;

        FakeDataset(int size, TensorShape shape) {
            this.size = size;
            this.shape = shape;
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
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean hasLabels() {
            return false;
        }

        @Override
        public int label(int index) {
            throw new IllegalStateException();
        }
    }
}
