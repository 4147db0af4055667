package dev.gan4j.spi;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.data.InMemoryImageDataset;
import dev.gan4j.data.Mnist;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.spec.TensorShape;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.GanTrainer;
import org.junit.jupiter.api.Test;

/** A conditional run refuses, before any engine runs, data without labels or with a label outside its classes. */
class ConditionalDatasetChecksTest {

    private static GanConfig conditional(int classes) {
        return GanTrainer.builder()
                .generator(GeneratorSpec.dcgan().width(4).outputShape(1, 4, 4).conditional(classes).build())
                .discriminator(DiscriminatorSpec.dcgan().width(4).inputShape(1, 4, 4).conditional(classes).build())
                .batchSize(2).seed(1).config();
    }

    private static InMemoryImageDataset images(int[] labels) {
        return InMemoryImageDataset.of(new float[3 * 16], TensorShape.of(1, 4, 4), labels);
    }

    @Test
    void refusesDataWithoutLabelsNamingTheDataSet() {
        assertThatThrownBy(() -> TrainingLoop.checkDataset(conditional(10), images(null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a conditional run (10 classes) needs a label per image, but data set"
                        + " InMemoryImageDataset[3 images of (1, 4, 4), unlabelled] has no labels; give it labels"
                        + " (InMemoryImageDataset.of(pixels, imageShape, labels); Mnist has them), or train"
                        + " unconditionally");
    }

    @Test
    void refusesALabelOutsideTheClassesNamingTheDataSetIndexAndLabel() {
        assertThatThrownBy(() -> TrainingLoop.checkDataset(conditional(3), images(new int[] {0, 2, 3})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data set InMemoryImageDataset[3 images of (1, 4, 4), labelled]: image 2 has label 3,"
                        + " outside [0, 3) of the conditional specs; build them with conditional(3) only when every"
                        + " label is in 0..2");
    }

    @Test
    void acceptsLabelsWithinTheClassesAndTheBundledDigits() {
        assertThatCode(() -> TrainingLoop.checkDataset(conditional(3), images(new int[] {0, 2, 1})))
                .doesNotThrowAnyException();
        assertThatCode(() -> DatasetChecks.checkLabels(Mnist.bundledTrainingSet(), 10)).doesNotThrowAnyException();
    }

    @Test
    void anUnconditionalRunIgnoresLabels() {
        assertThatCode(() -> DatasetChecks.checkLabels(images(null), 0)).doesNotThrowAnyException();
        assertThatCode(() -> DatasetChecks.checkLabels(images(new int[] {5, 6, 7}), 0)).doesNotThrowAnyException();
    }
}
