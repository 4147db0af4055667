package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.gan4j.data.InMemoryImageDataset;
import dev.gan4j.quality.Classification;
import dev.gan4j.quality.ClassifierTraining;
import dev.gan4j.spec.ClassifierSpec;
import dev.gan4j.spec.TensorShape;
import dev.gan4j.train.Adam;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Classifier training and inference on a small separable problem: bright top half or bright bottom. */
class DjlClassifiersTest {

    private static final ClassifierSpec SPEC = ClassifierSpec.builder().inputShape(1, 4, 4)
            .flatten().dense(8, false).batchNorm(0.9f, 1e-3f).relu().dense(2)
            .build();
    private static final ClassifierTraining TRAINING = new ClassifierTraining(3, 16, Adam.of(1e-2, 0.9), 1, 5);

    @Test
    void learnsASeparableProblem() {
        InMemoryImageDataset train = halves(320, 1);
        InMemoryImageDataset test = halves(100, 2);

        byte[] weights = DjlClassifiers.train(SPEC, TRAINING, train);
        Classification c = DjlClassifiers.classify(SPEC, weights, test);

        int correct = 0;
        for (int i = 0; i < c.count(); i++) {
            correct += c.predicted(i) == test.label(i) ? 1 : 0;
            assertThat(c.probability(i, 0) + c.probability(i, 1)).isCloseTo(1f, org.assertj.core.api.Assertions.within(1e-5f));
        }
        assertThat(correct).isGreaterThanOrEqualTo(95);
        assertThat(c.featureSize()).isEqualTo(8);
    }

    @Test
    void sameSeedGivesTheSameWeights() {
        InMemoryImageDataset train = halves(320, 1);

        assertThat(DjlClassifiers.train(SPEC, TRAINING, train)).isEqualTo(DjlClassifiers.train(SPEC, TRAINING, train));
    }

    @Test
    void trainingNeitherUsesNorMovesTheEnginesRandomGenerator() {
        Engine engine = DjlEngine.get();
        float[] expected;
        float[] after;
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), DjlEngine.NAME)) {
            engine.setRandomSeed(7);
            expected = m.randomUniform(0, 1, new Shape(4)).toFloatArray();
            engine.setRandomSeed(7);
            DjlClassifiers.train(SPEC, TRAINING, halves(320, 1));
            after = m.randomUniform(0, 1, new Shape(4)).toFloatArray();
        }

        assertThat(after).containsExactly(expected);
    }

    @Test
    void rejectsLabelsBeyondTheClasses() {
        InMemoryImageDataset data = InMemoryImageDataset.of(new float[16 * 20], TensorShape.of(1, 4, 4), labels(20, 2));

        assertThatThrownBy(() -> DjlClassifiers.train(SPEC, TRAINING, data))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("image 19 has label 2; the classifier has 2 classes, labels must be in [0, 2)");
    }

    @Test
    void rejectsUnlabelledImagesAndTooFewForABatch() {
        InMemoryImageDataset unlabelled = InMemoryImageDataset.of(new float[16 * 20], TensorShape.of(1, 4, 4));

        assertThatThrownBy(() -> DjlClassifiers.train(SPEC, TRAINING, unlabelled))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("classifier training data has no labels; give a labelled data set");
        assertThatThrownBy(() -> DjlClassifiers.train(SPEC, TRAINING, halves(10, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("classifier training data of 10 images is smaller than one batch of 16; use a smaller batchSize");
    }

    @Test
    void rejectsImagesOfAnotherShape() {
        InMemoryImageDataset other = InMemoryImageDataset.of(new float[9 * 20], TensorShape.of(1, 3, 3), labels(20, 1));

        assertThatThrownBy(() -> DjlClassifiers.train(SPEC, TRAINING, other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("images have shape (1, 3, 3) but the classifier takes (1, 4, 4)");
    }

    @Test
    void rejectsWeightsOfAnotherSpec() {
        byte[] weights = DjlClassifiers.train(SPEC, TRAINING, halves(320, 1));
        ClassifierSpec wider = ClassifierSpec.builder().inputShape(1, 4, 4).flatten().dense(9, false)
                .batchNorm(0.9f, 1e-3f).relu().dense(2).build();

        assertThatThrownBy(() -> DjlClassifiers.classify(wider, weights, halves(10, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weights hold 1.weight (8, 16) where the spec needs 1.weight (9, 16)");
        assertThatThrownBy(() -> DjlClassifiers.classify(SPEC, new byte[] {1, 2, 3, 4}, halves(10, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("classifier weights has the wrong magic number");
    }

    /** 4x4 images, class 0 bright in the top half and class 1 in the bottom half, with noise. */
    private static InMemoryImageDataset halves(int count, long seed) {
        Random random = new Random(seed);
        float[] pixels = new float[count * 16];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(2);
            for (int p = 0; p < 16; p++) {
                boolean bright = (p < 8) == (labels[i] == 0);
                float v = (bright ? 0.5f : -0.5f) + (float) random.nextGaussian() * 0.3f;
                pixels[i * 16 + p] = Math.max(-1f, Math.min(1f, v));
            }
        }
        return InMemoryImageDataset.of(pixels, TensorShape.of(1, 4, 4), labels);
    }

    private static int[] labels(int count, int last) {
        int[] labels = new int[count];
        labels[count - 1] = last;
        return labels;
    }
}
