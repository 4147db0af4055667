package dev.gan4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.spec.TensorShape;
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
}
