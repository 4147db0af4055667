package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gan4j.data.ImageDataset;
import dev.gan4j.data.Mnist;
import dev.gan4j.health.Diagnosis;
import dev.gan4j.health.HealthAction;
import dev.gan4j.health.HealthCondition;
import dev.gan4j.health.HealthPolicy;
import dev.gan4j.health.UnhealthyTrainingException;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.spec.Padding;
import dev.gan4j.train.Adam;
import dev.gan4j.train.ComputeDevice;
import dev.gan4j.train.GanLoss;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.LabelSmoothing;
import dev.gan4j.train.listener.StepMetrics;
import dev.gan4j.train.TrainedGan;
import dev.gan4j.train.listener.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seeded real runs made to fail in each named way, and a healthy one that must raise nothing. */
class TrainingHealthTest {

    /** Records what training reports. */
    private static final class Recorder implements TrainingListener {
        final List<StepMetrics> steps = new ArrayList<>();
        final List<Diagnosis> diagnoses = new ArrayList<>();

        @Override
        public void onStep(StepMetrics metrics) {
            steps.add(metrics);
        }

        @Override
        public void onHealth(Diagnosis diagnosis) {
            diagnoses.add(diagnosis);
        }
    }

    /** The tiny networks on noise images, Adam(2e-4, 0.5) for both, 500 steps. */
    private static GanTrainer.Builder tiny() {
        return GanTrainer.builder()
                .generator(TinyGan.generator())
                .discriminator(TinyGan.discriminator())
                .batchSize(16)
                .stepsPerEpoch(500)
                .logEvery(10)
                .device(ComputeDevice.cpu())
                .seed(42);
    }

    private static Recorder train(GanTrainer.Builder builder, ImageDataset data) {
        Recorder recorder = new Recorder();
        try (TrainedGan gan = builder.listener(recorder).build().train(data)) {
            return recorder;
        }
    }

    private static Recorder train(GanTrainer.Builder builder) {
        return train(builder, TinyGan.data(512, 1));
    }

    @Test
    @Slow
    void discriminatorWithAHundredTimesTheGeneratorsLearningRateIsNamedOverpowering() {
        // when
        Recorder run = train(tiny().generatorOptimizer(Adam.of(2e-4, 0.5)).discriminatorOptimizer(Adam.of(2e-2, 0.5)));

        // then: a warning within 500 steps, with advice
        assertThat(run.diagnoses).first().satisfies(d -> {
            assertThat(d.condition()).isEqualTo(HealthCondition.DISCRIMINATOR_OVERPOWERING);
            assertThat(d.action()).isEqualTo(HealthAction.WARN);
            assertThat(d.globalStep()).isLessThanOrEqualTo(500);
            assertThat(d.message()).contains("Lower the discriminator's learning rate");
        });
        assertThat(run.steps).last().extracting(StepMetrics::globalStep).isEqualTo(500L);
    }

    @Test
    @Slow
    void stopPolicyStopsTrainingAtTheDiagnosis() {
        // given
        Recorder recorder = new Recorder();
        GanTrainer trainer = tiny()
                .generatorOptimizer(Adam.of(2e-4, 0.5))
                .discriminatorOptimizer(Adam.of(2e-2, 0.5))
                .health(HealthPolicy.builder()
                        .action(HealthCondition.DISCRIMINATOR_OVERPOWERING, HealthAction.STOP)
                        .build())
                .listener(recorder)
                .build();

        // when
        UnhealthyTrainingException e =
                catchThrowableOfType(() -> trainer.train(TinyGan.data(512, 1)), UnhealthyTrainingException.class);

        // then
        assertThat(e.diagnosis().condition()).isEqualTo(HealthCondition.DISCRIMINATOR_OVERPOWERING);
        assertThat(recorder.steps).last().extracting(StepMetrics::globalStep).isEqualTo(e.diagnosis().globalStep());
    }

    @Test
    void absurdLearningRateStopsAtOnceNamingTheStep() {
        // given: every step reported, and a learning rate that turns the weights infinite after a step
        Recorder recorder = new Recorder();
        GanTrainer trainer = tiny().optimizer(Adam.of(1e15, 0.5)).logEvery(1).listener(recorder).build();

        // when
        UnhealthyTrainingException e =
                catchThrowableOfType(() -> trainer.train(TinyGan.data(512, 1)), UnhealthyTrainingException.class);

        // then: stopped at the first non-finite step, which the message names
        Diagnosis d = e.diagnosis();
        assertThat(d.condition()).isEqualTo(HealthCondition.DIVERGENCE);
        assertThat(d.sinceStep()).isEqualTo(d.globalStep()).isGreaterThan(1);
        assertThat(recorder.steps).last().extracting(StepMetrics::globalStep).isEqualTo(d.globalStep());
        assertThat(recorder.steps.get(recorder.steps.size() - 2).discriminatorLoss()).isFinite();
        assertThat(e.getMessage()).startsWith("training stopped: divergence at global step " + d.globalStep())
                .contains("Lower the learning rates")
                .endsWith("No checkpoint to go back to.");
        assertThat(e.lastGoodCheckpoint()).isEmpty();
        assertThat(recorder.diagnoses).containsExactly(d);
    }

    @Test
    void divergenceBetweenReportsIsNamedAtTheNextReportWithTheStepRange() {
        Recorder recorder = new Recorder();
        GanTrainer trainer = tiny().optimizer(Adam.of(1e20, 0.5)).logEvery(10).listener(recorder).build();

        UnhealthyTrainingException e =
                catchThrowableOfType(() -> trainer.train(TinyGan.data(512, 1)), UnhealthyTrainingException.class);

        assertThat(e.diagnosis().globalStep()).isEqualTo(10);
        assertThat(e.diagnosis().sinceStep()).isEqualTo(1);
        assertThat(e.getMessage()).contains("diverged at a step in 1-10");
        assertThat(recorder.steps).hasSize(1);
    }

    @Test
    void healthOffLetsADivergingRunFinish() {
        Recorder run = train(tiny().optimizer(Adam.of(1e20, 0.5)).stepsPerEpoch(30).health(HealthPolicy.off()));

        assertThat(run.steps).hasSize(3).allSatisfy(m -> assertThat(m.generatorLoss()).isNaN());
        assertThat(run.diagnoses).isEmpty();
    }

    @Test
    @Slow
    void minimaxLossAgainstAnOverpoweringDiscriminatorIsNamedVanishingGradients() {
        Recorder run = train(tiny()
                .loss(GanLoss.minimax())
                .generatorOptimizer(Adam.of(2e-4, 0.5))
                .discriminatorOptimizer(Adam.of(2e-2, 0.5)));

        assertThat(run.diagnoses).filteredOn(d -> d.condition() == HealthCondition.VANISHING_GENERATOR_GRADIENTS)
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.globalStep()).isLessThanOrEqualTo(500);
                    assertThat(d.message()).contains("use GanLoss.nonSaturating()");
                });
    }

    @Test
    @Slow
    void generatorWhoseOutputIgnoresTheLatentIsNamedCollapsed() {
        // given: a 1x1 convolution of stride 2 over the latent padded by 1 reads only padding, so every
        // image is drawn from the layer's bias alone
        GeneratorSpec constant = GeneratorSpec.builder().latentDim(1).reshape(1, 1, 1)
                .conv(4, 1, 2, Padding.of(1))
                .convTranspose(4, 3, 2, Padding.same()).leakyRelu(0.2f)
                .convTranspose(4, 3, 2, Padding.same()).leakyRelu(0.2f)
                .conv(1, 3, 1, Padding.same()).tanh()
                .build();

        // when
        Recorder run = train(tiny().generator(constant));

        // then
        assertThat(run.diagnoses).filteredOn(d -> d.condition() == HealthCondition.GENERATOR_COLLAPSE)
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.globalStep()).isLessThanOrEqualTo(500);
                    assertThat(d.message()).contains("the same image for every latent vector");
                });
        assertThat(run.steps).allSatisfy(m -> assertThat(m.fakeDiversity()).isLessThan(0.01f));
    }

    @Test
    @Slow
    void healthyRunOnTheDigitsRaisesNothing() {
        // given: TrainMnist's default recipe, for 500 steps: past warmup and one window
        GanTrainer.Builder dcgan = GanTrainer.builder()
                .generator(GeneratorSpec.dcgan().build())
                .discriminator(DiscriminatorSpec.dcgan().build())
                .labelSmoothing(LabelSmoothing.oneSided(0.9f))
                .optimizer(Adam.of(2e-4, 0.5))
                .batchSize(32)
                .stepsPerEpoch(250)
                .epochs(2)
                .device(ComputeDevice.cpu())
                .seed(42);

        // when
        Recorder run = train(dcgan, Mnist.bundledTrainingSet());

        // then
        assertThat(run.steps).hasSize(50);
        assertThat(run.diagnoses).isEmpty();
    }

    /** A run whose discriminator learns a hundred times faster than its generator, with {@code loss}. */
    private static Recorder overpowered(GanLoss loss) {
        return train(tiny()
                .loss(loss)
                .labelSmoothing(LabelSmoothing.none())
                .generatorOptimizer(Adam.of(2e-4, 0.5))
                .discriminatorOptimizer(Adam.of(2e-2, 0.5)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"leastSquares", "hinge", "relativisticAverage"})
    @Slow
    void discriminatorWithAHundredTimesTheLearningRateIsNamedOverpoweringUnderEveryLossWithAnAccuracy(String name) {
        // given
        GanLoss loss = GanLoss.ofName(name);

        // when
        Recorder run = overpowered(loss);

        // then: named within 500 steps, with the loss's advice (label smoothing only where the loss has targets)
        assertThat(run.diagnoses).filteredOn(d -> d.condition() == HealthCondition.DISCRIMINATOR_OVERPOWERING)
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.globalStep()).isLessThanOrEqualTo(500);
                    assertThat(d.advice()).isEqualTo(HealthCondition.DISCRIMINATOR_OVERPOWERING.advice(loss))
                            .contains("Lower the discriminator's learning rate");
                    if (!loss.usesTargets()) {
                        assertThat(d.advice()).doesNotContain("LabelSmoothing");
                    }
                });
    }

    @Test
    @Slow
    void criticClippedFarTooTightlyIsNamedVanishingGradientsWithAdviceAboutTheClip() {
        // given: every critic weight within 1e-4, so the critic is all but constant
        Recorder run = train(tiny().loss(GanLoss.wasserstein(1e-4)).optimizer(Adam.of(2e-4, 0.5)));

        // then
        assertThat(run.diagnoses).filteredOn(d -> d.condition() == HealthCondition.VANISHING_GENERATOR_GRADIENTS)
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.globalStep()).isLessThanOrEqualTo(500);
                    assertThat(d.message()).contains("raise the clip").doesNotContain("use GanLoss.nonSaturating()");
                });
        // a critic has no accuracy, so it is never called overpowering
        assertThat(run.diagnoses).noneMatch(d -> d.condition() == HealthCondition.DISCRIMINATOR_OVERPOWERING);
    }

    @Test
    @Slow
    void criticWithALooseClipAndAFastOptimiserIsNamedUnconstrained() {
        // given: weights clipped at 1 (a hundred times the paper's 0.01) and Adam at 2e-2: nothing keeps
        // the critic near 1-Lipschitz, and its estimate outgrows the 2·sqrt(64) = 16 any such critic can give
        Recorder run = train(tiny().loss(GanLoss.wasserstein(1.0))
                .generatorOptimizer(Adam.of(2e-4, 0.5))
                .discriminatorOptimizer(Adam.of(2e-2, 0.5)));

        // then
        assertThat(run.diagnoses).filteredOn(d -> d.condition() == HealthCondition.UNCONSTRAINED_CRITIC)
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.globalStep()).isLessThanOrEqualTo(500);
                    assertThat(d.evidence()).contains("above 16.00");
                    assertThat(d.message()).contains("gradient penalty");
                });
    }
}
