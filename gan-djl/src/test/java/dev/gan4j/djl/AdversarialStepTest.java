package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.GanTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AdversarialStepTest {

    @RegisterExtension
    final CpuArrays cpu = new CpuArrays();

    private NDManager manager;
    private Engine engine;
    private Network generator;
    private Network discriminator;
    private DeviceDataset data;
    private AdversarialStep step;

    @BeforeEach
    void setUp() {
        engine = DjlEngine.get();
        engine.setRandomSeed(7);
        manager = cpu.manager();
        GanConfig config = GanTrainer.builder()
                .generator(TinyGan.generator())
                .discriminator(TinyGan.discriminator())
                .batchSize(8)
                .seed(7)
                .config();
        generator = Network.create(config.generator().stack(), manager);
        discriminator = Network.create(config.discriminator().stack(), manager);
        data = new DeviceDataset(TinyGan.data(32, 1), manager, 1);
        step = new AdversarialStep(engine, config, generator, discriminator, data, manager);
    }

    @AfterEach
    void tearDown() {
        data.close();
    }

    @Test
    void discriminatorUpdateChangesOnlyTheDiscriminator() {
        // given
        List<float[]> generatorBefore = snapshot(generator);
        List<float[]> discriminatorBefore = snapshot(discriminator);

        // when
        try (NDManager scope = manager.newSubManager();
                GradientCollector collector = engine.newGradientCollector()) {
            step.discriminatorUpdate(scope, collector, false);
        }

        // then
        assertThat(snapshot(generator)).usingRecursiveComparison().isEqualTo(generatorBefore);
        assertAllChanged(discriminatorBefore, snapshot(discriminator));
    }

    @Test
    void generatorUpdateChangesOnlyTheGenerator() {
        try (NDManager scope = manager.newSubManager();
                GradientCollector collector = engine.newGradientCollector()) {
            // given: a discriminator update, whose fake batch the generator learns from
            AdversarialStep.Fake fake = step.discriminatorUpdate(scope, collector, false);
            List<float[]> generatorBefore = snapshot(generator);
            List<float[]> discriminatorBefore = snapshot(discriminator);

            // when
            step.generatorUpdate(fake, collector, false);

            // then
            assertThat(snapshot(discriminator)).usingRecursiveComparison().isEqualTo(discriminatorBefore);
            assertAllChanged(generatorBefore, snapshot(generator));
        }
    }

    @Test
    void generatorUpdateLeavesNoGradientOnTheDiscriminator() {
        try (NDManager scope = manager.newSubManager();
                GradientCollector collector = engine.newGradientCollector()) {
            // given
            AdversarialStep.Fake fake = step.discriminatorUpdate(scope, collector, false);

            // when
            step.generatorUpdate(fake, collector, false);
        }

        // then: the next discriminator update starts from zero gradients, not the generator's
        for (Param p : discriminator.params()) {
            if (p.trainable()) {
                assertThat(p.array().getGradient().abs().sum().getFloat()).as(p.name()).isZero();
            }
        }
    }

    @Test
    void measuredStepReportsProbabilitiesAccuraciesNormsAndDiversity() {
        float[] metrics;
        try (NDManager scope = manager.newSubManager()) {
            metrics = step.run(scope, true);
        }

        assertThat(metrics).hasSize(12);
        assertThat(metrics[11]).as("gradient penalty, without one").isNaN();
        assertThat(metrics[0]).as("D loss").isPositive();
        assertThat(metrics[1]).as("G loss").isPositive();
        for (int i = 2; i < 7; i++) {
            assertThat(metrics[i]).as("metric " + i).isBetween(0f, 1f);
        }
        for (int i = 7; i < 11; i++) {
            assertThat(metrics[i]).as("metric " + i).isPositive().isFinite();
        }
    }

    @Test
    void gradientNormIsTheL2NormOfEveryTrainedGradientBeforeTheUpdate() {
        try (NDManager scope = manager.newSubManager();
                GradientCollector collector = engine.newGradientCollector()) {
            // given: gradients from a discriminator's backward pass, not yet applied
            NDArray real = data.nextBatch(8, scope);
            NDArray logits = step.discriminate(real, generator.forward(scope.randomNormal(new Shape(8, 8)), true));
            collector.backward(logits.mean());
            double expected = 0;
            for (Param p : discriminator.params()) {
                if (p.trainable()) {
                    for (float g : p.array().getGradient().toFloatArray()) {
                        expected += (double) g * g;
                    }
                }
            }

            // when
            float norm = HealthSignals.gradientNorm(discriminator, scope).getFloat();

            // then
            assertThat(norm).isCloseTo((float) Math.sqrt(expected), Percentage.withPercentage(1e-3));
            assertThat(expected).isPositive();
        }
    }

    @Test
    void gradientNormLeavesNoArraysInTheParametersManager() {
        int arrays = manager.getManagedArrays().size();
        try (NDManager scope = manager.newSubManager()) {
            HealthSignals.gradientNorm(generator, scope);
        }

        assertThat(manager.getManagedArrays()).hasSize(arrays);
    }

    @Test
    void meanPairwiseDistanceMatchesANaiveLoop() {
        // given: five images of 2x3 pixels
        float[][] images = new float[5][6];
        SplittableRandom random = new SplittableRandom(3);
        for (float[] image : images) {
            for (int i = 0; i < image.length; i++) {
                image[i] = (float) random.nextDouble(-1, 1);
            }
        }
        double sum = 0;
        for (int a = 0; a < 5; a++) {
            for (int b = 0; b < 5; b++) {
                double d = 0;
                for (int i = 0; i < 6; i++) {
                    d += (images[a][i] - images[b][i]) * (images[a][i] - images[b][i]);
                }
                sum += Math.sqrt(d);
            }
        }
        try (NDManager scope = manager.newSubManager()) {
            NDArray batch = scope.create(images).reshape(5, 1, 2, 3);

            // when
            float distance = HealthSignals.meanPairwiseDistance(batch).getFloat();

            // then: the mean over the 20 ordered pairs of different images
            assertThat(distance).isCloseTo((float) (sum / 20), Percentage.withPercentage(1e-3));
        }
    }

    @Test
    void meanPairwiseDistanceOfIdenticalImagesIsZero() {
        try (NDManager scope = manager.newSubManager()) {
            NDArray batch = scope.randomUniform(-1f, 1f, new Shape(1, 1, 28, 28)).repeat(0, 64);

            assertThat(HealthSignals.meanPairwiseDistance(batch).getFloat()).isCloseTo(0f, Offset.offset(1e-3f));
        }
    }

    @Test
    void meanPairwiseDistanceOfOneImageIsNaN() {
        try (NDManager scope = manager.newSubManager()) {
            NDArray batch = scope.ones(new Shape(1, 1, 2, 2));

            assertThat(HealthSignals.meanPairwiseDistance(batch).getFloat()).isNaN();
        }
    }

    @Test
    void unmeasuredStepFetchesNothing() {
        try (NDManager scope = manager.newSubManager()) {
            assertThat(step.run(scope, false)).isNull();
        }
    }

    @Test
    void stepsLeaveNoArraysBehind() {
        cpu.assertStepsLeaveNoArraysBehind(step);
    }

    /** The values of each trained parameter (BatchNorm running statistics move with every training-mode pass). */
    static List<float[]> snapshot(Network network) {
        List<float[]> values = new ArrayList<>();
        for (Param p : network.params()) {
            if (p.trainable()) {
                values.add(p.array().toFloatArray());
            }
        }
        return values;
    }

    private void assertAllChanged(List<float[]> before, List<float[]> after) {
        int changed = 0;
        for (int i = 0; i < before.size(); i++) {
            if (!java.util.Arrays.equals(before.get(i), after.get(i))) {
                changed++;
            }
        }
        assertThat(changed).as("parameters changed by the update").isPositive();
    }
}
