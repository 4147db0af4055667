package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.gan4j.data.ImageDataset;
import dev.gan4j.data.Mnist;
import dev.gan4j.image.ImageBatch;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.train.ComputeDevice;
import dev.gan4j.train.GanLoss;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.GradientPenalty;
import dev.gan4j.train.LabelSmoothing;
import dev.gan4j.train.TrainedGan;
import dev.gan4j.train.listener.StepMetrics;
import dev.gan4j.train.listener.TrainingListener;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A short, seeded, real training run on the bundled digits that must measurably learn. */
@Slow
class TrainingLearnsTest {

    private static final long SEED = 42;
    private static final int SAMPLES = 512;

    @Test
    void generatedImagesMoveTowardsTheRealDigits() {
        List<StepMetrics> reports = learns(GanLoss.nonSaturating(), LabelSmoothing.oneSided(0.9f), 0.5);

        assertThat(reports).hasSize(12);
        StepMetrics last = reports.get(reports.size() - 1);
        assertThat(last.globalStep()).isEqualTo(240);
        assertThat(last.discriminatorLoss()).isFinite();
        assertThat(last.generatorLoss()).isFinite();
    }

    /**
     * The same run for each family of losses beside the cross-entropy one above, with a lower bar for
     * the samples' spread: least squares' samples are less varied this early (0.41 of the real
     * digits' spread at step 240, measured 2026-12-02) though they learn the digits' mean as well.
     */
    @ParameterizedTest
    @MethodSource("otherFamilies")
    void everyFamilyOfLossesLearns(GanLoss loss) {
        List<StepMetrics> reports = learns(loss, LabelSmoothing.none(), 1.0 / 3);

        StepMetrics last = reports.get(reports.size() - 1);
        assertThat(last.globalStep()).isEqualTo(240);
        assertThat(last.discriminatorLoss()).isFinite();
        assertThat(last.generatorLoss()).isFinite();
    }

    static Stream<GanLoss> otherFamilies() {
        return Stream.of(GanLoss.leastSquares(), GanLoss.hinge(), GanLoss.wasserstein(), GanLoss.relativisticAverage());
    }

    /**
     * The same run with a gradient penalty, on the preset's discriminator without BatchNorm (which a
     * penalty refuses): WGAN-GP as {@code GanLoss.wassersteinGp()} asks for it, R1 (γ = 1) on the
     * non-saturating loss, eagerly and lazily every 16 updates.
     */
    @Disabled("flaky through an engine bug: this PyTorch build's CPU conv2d backward reads uninitialised memory"
            + " for 4 output channels (the dcgan generator's last transposed convolution, 4 phases), so the"
            + " generator's gradient turns NaN when freed memory held NaN; penalised runs hit it often. Runs"
            + " that escaped it learned (2026-12-03): WGAN-GP 23.0 -> 6.10, R1 every 16 23.0 -> 5.53")
    @ParameterizedTest
    @MethodSource("penalties")
    void trainingWithAGradientPenaltyLearns(GanLoss loss, GradientPenalty penalty) {
        List<StepMetrics> reports = learns(loss, LabelSmoothing.none(), 1.0 / 3, penalty);

        StepMetrics last = reports.get(reports.size() - 1);
        assertThat(last.globalStep()).isEqualTo(240);
        assertThat(last.discriminatorLoss()).isFinite();
        assertThat(last.gradientPenalty()).isFinite().isPositive();
    }

    /**
     * Penalised runs of a small multilayer perceptron GAN, which has no convolution and so escapes the
     * engine bug above, for 960 steps of 64: each must halve the distance of the mean image from the
     * mean digit and keep a third of the digits' spread. Measured 2026-12-03 (distance 22.8 before):
     * R1 (γ = 0.1) 3.48, spread 0.39; R1 every 16 3.36, 0.39; WGAN-GP 1.39, 0.68; the same perceptrons
     * without a penalty reach 7.18, 0.33. (R1 at γ = 1 held this small discriminator so smooth that the
     * generator had barely moved after 240 steps.)
     */
    @ParameterizedTest
    @MethodSource("perceptronPenalties")
    void aPerceptronGanWithAGradientPenaltyLearns(GanLoss loss, GradientPenalty penalty) {
        GeneratorSpec g = GeneratorSpec.builder().latentDim(32)
                .dense(256).leakyRelu(0.2f).dense(784).tanh().reshape(1, 28, 28).build();
        DiscriminatorSpec d = DiscriminatorSpec.builder().inputShape(1, 28, 28)
                .flatten().dense(256).leakyRelu(0.2f).dense(1).build();

        List<StepMetrics> reports = learns(g, d, loss, LabelSmoothing.none(), 1.0 / 3, penalty, 8);

        StepMetrics last = reports.get(reports.size() - 1);
        assertThat(last.globalStep()).isEqualTo(960);
        assertThat(last.gradientPenalty()).isFinite().isPositive();
    }

    static Stream<Arguments> perceptronPenalties() {
        return Stream.of(Arguments.of(GanLoss.nonSaturating(), GradientPenalty.r1(0.1)),
                Arguments.of(GanLoss.nonSaturating(), GradientPenalty.r1(0.1).every(16)),
                Arguments.of(GanLoss.wassersteinGp(), GradientPenalty.wganGp()));
    }

    static Stream<Arguments> penalties() {
        return Stream.of(Arguments.of(GanLoss.wassersteinGp(), GradientPenalty.wganGp()),
                Arguments.of(GanLoss.nonSaturating(), GradientPenalty.r1(1)),
                Arguments.of(GanLoss.nonSaturating(), GradientPenalty.r1(1).every(16)));
    }

    private static List<StepMetrics> learns(GanLoss loss, LabelSmoothing smoothing, double minSpread) {
        return learns(loss, smoothing, minSpread, GradientPenalty.none());
    }

    /**
     * Trains the compact preset on the bundled digits for 240 steps of 64 and checks that the mean
     * generated image is at least twice as close to the mean digit as before training, and that the
     * samples are not all alike: their spread is at least {@code minSpread} of the real digits'.
     * Returns the run's reports.
     */
    private static List<StepMetrics> learns(GanLoss loss, LabelSmoothing smoothing, double minSpread,
            GradientPenalty penalty) {
        return learns(GeneratorSpec.dcgan().build(),
                DiscriminatorSpec.dcgan().batchNorm(!penalty.isOn()).build(), loss, smoothing,
                minSpread, penalty, 2);
    }

    /** The same run with discriminator {@code d} instead of the compact preset's, without a penalty. */
    static List<StepMetrics> learns(DiscriminatorSpec d, GanLoss loss, LabelSmoothing smoothing, double minSpread) {
        return learns(GeneratorSpec.dcgan().build(), d, loss, smoothing, minSpread, GradientPenalty.none(), 2);
    }

    private static List<StepMetrics> learns(GeneratorSpec g, DiscriminatorSpec d, GanLoss loss,
            LabelSmoothing smoothing, double minSpread, GradientPenalty penalty, int epochs) {
        ImageDataset digits = Mnist.bundledTrainingSet();
        float[] realMean = meanImage(digits);
        double before = initialDistance(g, realMean);
        List<StepMetrics> reports = new ArrayList<>();
        TrainingListener record = new TrainingListener() {
            @Override
            public void onStep(StepMetrics metrics) {
                reports.add(metrics);
            }
        };
        try (TrainedGan gan = GanTrainer.builder()
                .generator(g)
                .discriminator(d)
                .loss(loss)
                .labelSmoothing(smoothing)
                .gradientPenalty(penalty)
                .batchSize(64)
                .stepsPerEpoch(120)
                .epochs(epochs)
                .logEvery(20)
                .device(ComputeDevice.cpu())
                .seed(SEED)
                .listener(record)
                .build()
                .train(digits)) {
            ImageBatch samples = gan.generate(SAMPLES, 1);
            double after = distance(meanImage(samples), realMean);

            String what = loss.describe() + " + " + penalty.describe();
            System.out.printf("%s: distance of the mean image %.3f -> %.3f, spread %.3f of the digits'%n", what, before,
                    after, spread(samples.pixels(), realMean.length) / spread(digits));
            assertThat(after).as("%s: distance after (before: %.3f)", what, before).isLessThan(before / 2);
            assertThat(spread(samples.pixels(), realMean.length)).as(what + ": spread")
                    .isGreaterThan(minSpread * spread(digits));
        }
        return reports;
    }

    /** The distance of the initial generator's mean image from the mean digit. */
    private static double initialDistance(GeneratorSpec g, float[] realMean) {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), DjlEngine.NAME)) {
            return distance(meanImage(initialGenerator(g, manager).generate(SAMPLES, 1)), realMean);
        }
    }

    /** The generator exactly as training starts it: same engine seed, same initialisation. */
    static DjlGenerator initialGenerator(GeneratorSpec spec, NDManager manager) {
        Engine engine = DjlEngine.get();
        engine.setRandomSeed(TorchRandom.foldSeed(SEED));
        return new DjlGenerator(spec, Network.create(spec.stack(), manager), manager);
    }

    static float[] meanImage(ImageDataset data) {
        return mean(pixels(data), (int) data.imageShape().size());
    }

    private static float[] pixels(ImageDataset data) {
        FloatBuffer all = FloatBuffer.allocate(data.size() * (int) data.imageShape().size());
        data.copyImages(0, data.size(), all);
        return all.array();
    }

    static float[] meanImage(ImageBatch batch) {
        return mean(batch.pixels(), (int) batch.imageShape().size());
    }

    private static float[] mean(float[] pixels, int size) {
        float[] mean = new float[size];
        int count = pixels.length / size;
        for (int i = 0; i < pixels.length; i++) {
            mean[i % size] += pixels[i] / count;
        }
        return mean;
    }

    static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }

    /** Root mean squared distance of images from their mean image. */
    static double spread(float[] pixels, int size) {
        float[] mean = mean(pixels, size);
        double sum = 0;
        for (int i = 0; i < pixels.length; i++) {
            double d = pixels[i] - mean[i % size];
            sum += d * d;
        }
        return Math.sqrt(sum / (pixels.length / size));
    }

    static double spread(ImageDataset data) {
        return spread(pixels(data), (int) data.imageShape().size());
    }
}
