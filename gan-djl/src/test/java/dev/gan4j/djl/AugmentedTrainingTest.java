package dev.gan4j.djl;

import static dev.gan4j.djl.AdversarialStepTest.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.Padding;
import dev.gan4j.train.Augmentation;
import dev.gan4j.train.Augmentation.Policy;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.GanLoss;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.InstanceNoise;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DiffAugment, instance noise and label flips in real steps: the generator learns through the
 * augmentation, runs reproduce, resume exactly, and the settings come back from checkpoints.
 */
class AugmentedTrainingTest {

    private static final Augmentation ALL = Augmentation.diffAugment(Policy.COLOR, Policy.TRANSLATION, Policy.CUTOUT);

    /** Runs' tiny run with all three on: augmentation at probability 0.7, noise and flips. */
    private static GanTrainer.Builder augmented(Path dir) {
        return Runs.builder(dir).augmentation(ALL.withProbability(0.7)).instanceNoise(InstanceNoise.annealed(0.3))
                .labelFlips(0.2);
    }

    @Test
    void theGeneratorsGradientFlowsThroughTheAugmentationAndDKeepsNone() {
        Engine engine = DjlEngine.get();
        engine.setRandomSeed(7);
        boolean wasRecording = GradMode.set(false);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), engine.getEngineName())) {
            // Cutout and translation only: what reaches G passes through masks and shift matrices alone.
            GanConfig config = GanTrainer.builder().generator(TinyGan.generator()).discriminator(TinyGan.discriminator())
                    .augmentation(Augmentation.diffAugment(Policy.TRANSLATION, Policy.CUTOUT)).batchSize(8).seed(7)
                    .config();
            Network generator = Network.create(config.generator().stack(), manager);
            Network discriminator = Network.create(config.discriminator().stack(), manager);
            try (DeviceDataset data = new DeviceDataset(TinyGan.data(32, 1), manager, 1);
                    NDManager scope = manager.newSubManager();
                    GradientCollector collector = engine.newGradientCollector()) {
                AdversarialStep step = new AdversarialStep(engine, config, generator, discriminator, data, manager);
                AdversarialStep.Fake fake = step.discriminatorUpdate(scope, collector, false);
                List<float[]> g0 = snapshot(generator);
                List<float[]> d1 = snapshot(discriminator);

                AdversarialStep.Verdict verdict = step.generatorUpdate(fake, collector, true);

                assertThat(verdict.gradientNorm().getFloat()).as("norm of G's gradient").isPositive();
                List<float[]> g1 = snapshot(generator);
                for (int i = 0; i < g0.size(); i++) {
                    assertThat(Arrays.equals(g0.get(i), g1.get(i))).as("G parameter %d unchanged", i).isFalse();
                }
                assertThat(snapshot(discriminator)).usingRecursiveComparison().isEqualTo(d1);
            }
            for (Param p : discriminator.params()) {
                if (p.trainable()) {
                    assertThat(p.array().getGradient().abs().sum().getFloat()).as(p.name()).isZero();
                }
            }
        } finally {
            GradMode.set(wasRecording);
        }
    }

    @Test
    void runsWithAugmentationNoiseAndFlipsReproduceAndDifferFromRunsWithout(@TempDir Path a, @TempDir Path b,
            @TempDir Path plain) {
        List<float[]> first = Runs.train(augmented(a).build());
        List<float[]> second = Runs.train(augmented(b).build());
        List<float[]> without = Runs.train(Runs.builder(plain).build());

        Runs.assertSameWeights(second, first);
        assertThat(first.get(0)).isNotEqualTo(without.get(0));
    }

    @Test
    void aResumedRunEndsBitForBitWhereTheUninterruptedOneEnds(@TempDir Path whole, @TempDir Path cut)
            throws IOException {
        List<float[]> uninterrupted = Runs.train(augmented(whole).build());

        assertThatThrownBy(() -> Runs.train(augmented(cut).listener(Runs.crashAfter(7)).build()))
                .hasMessageContaining("simulated crash");
        GanTrainer resuming = GanTrainer.resume(cut).build();
        assertThat(resuming.config().augmentation()).isEqualTo(ALL.withProbability(0.7));
        assertThat(resuming.config().instanceNoise()).isEqualTo(InstanceNoise.annealed(0.3));
        assertThat(resuming.config().labelFlips()).isEqualTo(0.2);
        List<float[]> resumed = Runs.train(resuming);

        Runs.assertSameWeights(resumed, uninterrupted);
        Runs.assertSameState(Runs.newest(cut).state(), Runs.newest(whole).state());
    }

    @Test
    void anAdaptiveRunResumedMidIntervalEndsBitForBitWhereTheUninterruptedOneEnds(@TempDir Path whole,
            @TempDir Path cut) throws IOException {
        // An adjustment every 4 steps of 0.32 (4 x 8 / 100) from 0.5: the checkpoint resumed from (step 6)
        // falls between adjustments, so the running sum must come back from it.
        Augmentation ada = ALL.adaptive(0.6, 4, 100).withProbability(0.5);
        List<float[]> uninterrupted = Runs.train(Runs.builder(whole).augmentation(ada).build());

        assertThatThrownBy(() -> Runs.train(Runs.builder(cut).augmentation(ada).listener(Runs.crashAfter(7)).build()))
                .hasMessageContaining("simulated crash");
        assertThat(Runs.newest(cut).state().augmentationHeuristicSum()).as("the running sum at the crash")
                .isNotZero();
        GanTrainer resuming = GanTrainer.resume(cut).build();
        assertThat(resuming.config().augmentation()).isEqualTo(ada);
        List<float[]> resumed = Runs.train(resuming);

        Runs.assertSameWeights(resumed, uninterrupted);
        Runs.assertSameState(Runs.newest(cut).state(), Runs.newest(whole).state());
        assertThat(Runs.newest(whole).state().augmentationProbability()).as("the probability moved")
                .isNotEqualTo(0.5);
    }

    /**
     * Without BatchNorm in D, real and generated images go through D as one batch of 2B: the augmented
     * batch is not split. That path too resumes exactly.
     */
    @Test
    void withoutBatchNormInDTheJointBatchResumesBitForBit(@TempDir Path whole, @TempDir Path cut)
            throws IOException {
        DiscriminatorSpec plainD = DiscriminatorSpec.builder().inputShape(1, 8, 8)
                .conv(4, 3, 2, Padding.same()).leakyRelu(0.2f).dropout(0.3f)
                .flatten().dense(1)
                .build();
        List<float[]> uninterrupted = Runs.train(augmented(whole).discriminator(plainD).build());

        assertThatThrownBy(() -> Runs.train(augmented(cut).discriminator(plainD).listener(Runs.crashAfter(7)).build()))
                .hasMessageContaining("simulated crash");
        List<float[]> resumed = Runs.train(GanTrainer.resume(cut).build());

        Runs.assertSameWeights(resumed, uninterrupted);
    }

    @Test
    void eachSettingAloneChangesTheRun(@TempDir Path plain, @TempDir Path augmented, @TempDir Path noisy,
            @TempDir Path flipped, @TempDir Path never) {
        List<float[]> without = Runs.train(Runs.builder(plain).build());

        assertThat(Runs.train(Runs.builder(augmented).augmentation(ALL).build()).get(0)).isNotEqualTo(without.get(0));
        assertThat(Runs.train(Runs.builder(noisy).instanceNoise(InstanceNoise.annealed(0.1)).build()).get(0))
                .isNotEqualTo(without.get(0));
        assertThat(Runs.train(Runs.builder(flipped).labelFlips(0.1).build()).get(0)).isNotEqualTo(without.get(0));
        // Probability 0 draws nothing and changes nothing: the run without augmentation, bit for bit.
        Runs.assertSameWeights(Runs.train(Runs.builder(never).augmentation(ALL.withProbability(0)).build()), without);
    }

    @Test
    void labelFlipsWithALossWithoutTargetsAreRefusedNamingBoth() {
        assertThatThrownBy(() -> GanTrainer.builder().generator(TinyGan.generator())
                .discriminator(TinyGan.discriminator()).loss(GanLoss.hinge()).labelFlips(0.1).config())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("labelFlips (0.1) is not defined for loss hinge, which has no targets; drop labelFlips(...),"
                        + " or choose a loss with targets: nonSaturating, minimax, leastSquares or relativisticAverage");
    }
}
