package dev.gan4j.djl;

import static dev.gan4j.djl.AdversarialStepTest.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.Padding;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.GanLoss;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.GradientPenalty;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The discriminator update with a gradient penalty: what it changes, what it reports, what it leaves. */
class PenalisedStepTest {

    @RegisterExtension
    final CpuArrays cpu = new CpuArrays();

    private NDManager manager;
    private Engine engine;
    private Network generator;
    private Network discriminator;
    private DeviceDataset data;

    @BeforeEach
    void setUp() {
        engine = DjlEngine.get();
        manager = cpu.manager();
    }

    @AfterEach
    void tearDown() {
        if (data != null) {
            data.close();
        }
    }

    /**
     * TinyGan's discriminator without its BatchNorm, which a penalty refuses, and with 16 filters: with 4
     * (and a batch of more than one), this PyTorch build's CPU convolution returns a wrong input gradient
     * (it disagrees with central differences of its own forward pass), which the penalty differentiates.
     */
    static DiscriminatorSpec discriminator() {
        return DiscriminatorSpec.builder().inputShape(1, 8, 8)
                .conv(16, 3, 2, Padding.same()).leakyRelu(0.2f).dropout(0.3f)
                .conv(16, 3, 1, Padding.of(1)).leakyRelu(0.2f)
                .flatten().dense(1)
                .build();
    }

    private AdversarialStep step(GanLoss loss, GradientPenalty penalty) {
        engine.setRandomSeed(7);
        GanConfig config = GanTrainer.builder()
                .generator(TinyGan.generator())
                .discriminator(discriminator())
                .loss(loss)
                .gradientPenalty(penalty)
                .batchSize(8)
                .seed(7)
                .config();
        generator = Network.create(config.generator().stack(), manager);
        discriminator = Network.create(config.discriminator().stack(), manager);
        data = new DeviceDataset(TinyGan.data(32, 1), manager, 1);
        return new AdversarialStep(engine, config, generator, discriminator, data, manager);
    }

    @Test
    void penalisedDiscriminatorUpdateLeavesTheGeneratorWithoutGradientOrChange() {
        for (GradientPenalty penalty : List.of(GradientPenalty.r1(10), GradientPenalty.r2(10),
                GradientPenalty.wganGp())) {
            // given
            AdversarialStep step = step(GanLoss.nonSaturating(), penalty);
            List<float[]> generatorBefore = snapshot(generator);

            // when
            TorchRandom.seed(3);
            try (NDManager scope = manager.newSubManager();
                    GradientCollector collector = engine.newGradientCollector()) {
                step.discriminatorUpdate(scope, collector, false);
            }

            // then
            assertThat(snapshot(generator)).as(penalty.describe()).usingRecursiveComparison().isEqualTo(generatorBefore);
            for (Param p : generator.params()) {
                if (p.trainable()) {
                    assertThat(p.array().getGradient().abs().sum().getFloat()).as(penalty.describe() + " " + p.name())
                            .isZero();
                }
            }
            data.close();
            data = null;
        }
    }

    @Test
    void penaltyChangesTheDiscriminatorsUpdateOnly() {
        // given: the same seeded update with and without R1
        float[][] without = discriminatorUpdate(GradientPenalty.none());
        float[][] with = discriminatorUpdate(GradientPenalty.r1(10));

        // then: the generator's batch is the same, the discriminator moved differently
        assertThat(with[0]).isEqualTo(without[0]);
        assertThat(with[1]).isNotEqualTo(without[1]);
    }

    /** The generator's fake batch and the discriminator's first weights after one seeded update. */
    private float[][] discriminatorUpdate(GradientPenalty penalty) {
        AdversarialStep step = step(GanLoss.nonSaturating(), penalty);
        TorchRandom.seed(3);
        try (NDManager scope = manager.newSubManager();
                GradientCollector collector = engine.newGradientCollector()) {
            AdversarialStep.Fake fake = step.discriminatorUpdate(scope, collector, false);
            float[][] result = {fake.images().toFloatArray(), discriminator.params().get(0).array().toFloatArray()};
            data.close();
            data = null;
            return result;
        }
    }

    @Test
    void measuredStepReportsTheLastPenaltyAndLazyStepsKeepIt() {
        // given: R1 every 3 updates; the first update is penalised
        AdversarialStep step = step(GanLoss.nonSaturating(), GradientPenalty.r1(10).every(3));
        float[] reported = new float[5];

        // when
        for (int i = 0; i < 5; i++) {
            TorchRandom.seed(100 + i);
            try (NDManager scope = manager.newSubManager()) {
                reported[i] = step.run(scope, true)[11];
            }
        }

        // then: steps 1 and 4 compute it, 2, 3 and 5 repeat the last value
        assertThat(reported[0]).isPositive().isFinite();
        assertThat(reported[1]).isEqualTo(reported[0]);
        assertThat(reported[2]).isEqualTo(reported[0]);
        assertThat(reported[3]).isPositive().isNotEqualTo(reported[0]);
        assertThat(reported[4]).isEqualTo(reported[3]);
    }

    @Test
    void penalisedStepsLeaveNoArraysBehind() {
        cpu.assertStepsLeaveNoArraysBehind(step(GanLoss.wassersteinGp(), GradientPenalty.wganGp()));
    }
}
