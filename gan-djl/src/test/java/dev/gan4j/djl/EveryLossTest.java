package dev.gan4j.djl;

import static dev.gan4j.djl.AdversarialStepTest.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.GanLoss;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.LabelSmoothing;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What holds for every loss: each update touches only its own network, and a run resumed from a
 * checkpoint ends bit for bit where the uninterrupted run ends.
 */
class EveryLossTest {

    static Stream<GanLoss> losses() {
        return LossesTest.losses();
    }

    private static GanTrainer.Builder withLoss(GanTrainer.Builder builder, GanLoss loss) {
        return builder.loss(loss).labelSmoothing(loss.usesTargets() ? LabelSmoothing.twoSided(0.9f, 0.1f)
                : LabelSmoothing.none());
    }

    @ParameterizedTest
    @MethodSource("losses")
    void eachUpdateChangesOnlyItsOwnNetworkAndLeavesNoGradientOnTheOther(GanLoss loss) {
        Engine engine = DjlEngine.get();
        engine.setRandomSeed(7);
        boolean wasRecording = GradMode.set(false);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), engine.getEngineName())) {
            GanConfig config = withLoss(GanTrainer.builder().generator(TinyGan.generator())
                    .discriminator(TinyGan.discriminator()).batchSize(8).seed(7), loss).config();
            Network generator = Network.create(config.generator().stack(), manager);
            Network discriminator = Network.create(config.discriminator().stack(), manager);
            try (DeviceDataset data = new DeviceDataset(TinyGan.data(32, 1), manager, 1)) {
                AdversarialStep step = new AdversarialStep(engine, config, generator, discriminator, data, manager);
                try (NDManager scope = manager.newSubManager();
                        GradientCollector collector = engine.newGradientCollector()) {
                    List<float[]> g0 = snapshot(generator);
                    List<float[]> d0 = snapshot(discriminator);
                    AdversarialStep.Fake fake = step.discriminatorUpdate(scope, collector, false);
                    assertThat(snapshot(generator)).as("G after D's update").usingRecursiveComparison().isEqualTo(g0);
                    List<float[]> d1 = snapshot(discriminator);
                    assertThat(changed(d0, d1)).as("D's parameters the update changed").isPositive();

                    step.generatorUpdate(fake, collector, false);

                    assertThat(snapshot(discriminator)).as("D after G's update").usingRecursiveComparison().isEqualTo(d1);
                    assertThat(changed(g0, snapshot(generator))).as("G's parameters the update changed").isPositive();
                }
                for (Param p : discriminator.params()) {
                    if (p.trainable()) {
                        assertThat(p.array().getGradient().abs().sum().getFloat()).as(p.name()).isZero();
                    }
                }
            }
        } finally {
            GradMode.set(wasRecording);
        }
    }

    @ParameterizedTest
    @MethodSource("losses")
    void aResumedRunEndsBitForBitWhereTheUninterruptedOneEnds(GanLoss loss, @TempDir Path whole, @TempDir Path cut)
            throws java.io.IOException {
        List<float[]> uninterrupted = Runs.train(withLoss(Runs.builder(whole), loss).build());

        assertThatThrownBy(() -> Runs.train(withLoss(Runs.builder(cut), loss).listener(Runs.crashAfter(7)).build()))
                .hasMessageContaining("simulated crash");
        GanTrainer resuming = GanTrainer.resume(cut).build();
        assertThat(resuming.config().loss()).as("the loss read back from the checkpoint").isEqualTo(loss);
        List<float[]> resumed = Runs.train(resuming);

        Runs.assertSameWeights(resumed, uninterrupted);
        for (float[] w : uninterrupted) {
            for (float v : w) {
                assertThat(v).isFinite();
            }
        }
    }

    /** The number of trainable arrays (weights, biases...) in which some value changed. */
    private static long changed(List<float[]> before, List<float[]> after) {
        long n = 0;
        for (int i = 0; i < before.size(); i++) {
            if (!Arrays.equals(before.get(i), after.get(i))) {
                n++;
            }
        }
        return n;
    }
}
