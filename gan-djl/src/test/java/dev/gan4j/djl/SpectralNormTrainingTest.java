package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.image.ImageBatch;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.spec.Padding;
import dev.gan4j.spi.HostTensor;
import dev.gan4j.spi.TrainingLoop;
import dev.gan4j.train.GanLoss;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.LabelSmoothing;
import dev.gan4j.train.TrainedGan;
import dev.gan4j.train.listener.StepMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spectral normalization in real runs: checkpoints, saved generators, learning. */
class SpectralNormTrainingTest {

    /** {@link TinyGan}'s generator with every dense and convolution layer spectrally normalised. */
    static GeneratorSpec generator() {
        return GeneratorSpec.builder().latentDim(8).spectralNormAll(true)
                .dense(2 * 4 * 4, false).reshape(2, 4, 4).batchNorm().relu()
                .convTranspose(3, 3, 2, Padding.same()).leakyRelu(0.2f)
                .conv(1, 3, 1, Padding.same()).tanh()
                .build();
    }

    /** SNGAN's kind of discriminator, small: every layer normalised, no BatchNorm. */
    static DiscriminatorSpec discriminator() {
        return DiscriminatorSpec.builder().inputShape(1, 8, 8).spectralNormAll(true)
                .conv(4, 3, 2, Padding.same()).leakyRelu(0.2f)
                .conv(4, 3, 1, Padding.of(1)).leakyRelu(0.2f)
                .flatten().dense(1)
                .build();
    }

    /**
     * {@link Runs}' run (cross-entropy with label smoothing, two D steps per G step, an EMA generator)
     * with both networks normalised.
     */
    private static GanTrainer.Builder run(Path dir) {
        return Runs.builder(dir).generator(generator()).discriminator(discriminator());
    }

    @Test
    void aResumedRunEndsWhereTheUninterruptedRunEnds(@TempDir Path whole, @TempDir Path cut) throws IOException {
        // given
        List<float[]> uninterrupted = Runs.train(run(whole).build());
        GanTrainer crashing = run(cut).listener(Runs.crashAfter(7)).build();
        assertThatThrownBy(() -> Runs.train(crashing)).hasMessageContaining("simulated crash");
        List<HostTensor> saved = Runs.newest(cut).state().discriminator();
        assertThat(saved.stream().map(HostTensor::name).filter(n -> n.endsWith("spectralU")))
                .containsExactly("0.spectralU", "2.spectralU", "5.spectralU");

        // when
        TrainingLoop resumed = (TrainingLoop) GanTrainer.resume(cut).build();
        List<float[]> weights = Runs.train(resumed);

        // then: the u vectors too, in the generator, its average and the discriminator
        assertThat(resumed.resumedStep()).isEqualTo(6);
        Runs.assertSameWeights(weights, uninterrupted);
        Runs.assertSameState(Runs.newest(cut).state(), Runs.newest(whole).state());
    }

    @Test
    void aSavedGeneratorCarriesItsUAndDrawsTheSameImages(@TempDir Path dir) throws IOException {
        // given
        Path file = dir.resolve("sn.gan4j");
        ImageBatch expected;
        try (TrainedGan trained = run(dir).checkpointEvery(100).build().train(Runs.DATA)) {
            expected = trained.generate(5, 11);
            trained.save(file);
        }

        // when
        try (TrainedGan loaded = TrainedGan.load(file)) {
            // then
            assertThat(loaded.spec()).isEqualTo(generator());
            assertThat(loaded.spec().layers().get(0).spectralNorm()).isTrue();
            assertThat(loaded.generate(5, 11).pixels()).containsExactly(expected.pixels());
        }
    }

    /**
     * SNGAN's recipe on the compact preset: hinge loss, every layer of the discriminator spectrally
     * normalised and no BatchNorm in it; the bars of {@link TrainingLearnsTest}'s other loss families.
     */
    @Slow
    @Test
    void hingeWithASpectrallyNormalizedDiscriminatorLearns() {
        List<StepMetrics> reports = TrainingLearnsTest.learns(DiscriminatorSpec.dcgan().spectralNorm(true).build(),
                GanLoss.hinge(), LabelSmoothing.none(), 1.0 / 3);

        StepMetrics last = reports.get(reports.size() - 1);
        assertThat(last.globalStep()).isEqualTo(240);
        assertThat(last.discriminatorLoss()).isFinite();
        assertThat(last.generatorLoss()).isFinite();
    }
}
