package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.Padding;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.GanTrainer;
import org.junit.jupiter.api.Test;

/** How the discriminator's step feeds it real and fake images, with and without BatchNorm. */
class DiscriminatorBatchesTest {

    @Test
    void withBatchNormRealLogitsDoNotDependOnTheFakeBatch() {
        DiscriminatorSpec d = DiscriminatorSpec.builder().inputShape(1, 8, 8)
                .conv(4, 3, 2, Padding.same()).batchNorm().leakyRelu(0.2f)
                .flatten().dense(1)
                .build();

        float[][] realLogits = realLogitsAgainstTwoFakeBatches(d);

        assertThat(realLogits[1]).containsExactly(realLogits[0]);
    }

    @Test
    void withoutBatchNormRealAndFakeShareOnePassWithTheSameResult() {
        DiscriminatorSpec d = DiscriminatorSpec.builder().inputShape(1, 8, 8)
                .conv(4, 3, 2, Padding.same()).leakyRelu(0.2f)
                .flatten().dense(1)
                .build();

        float[][] realLogits = realLogitsAgainstTwoFakeBatches(d);

        assertThat(realLogits[1]).containsExactly(realLogits[0]);
    }

    /** D's logits for one real batch, beside a fake batch of zeros and then of ones. */
    private static float[][] realLogitsAgainstTwoFakeBatches(DiscriminatorSpec d) {
        Engine engine = DjlEngine.get();
        engine.setRandomSeed(5);
        boolean wasRecording = GradMode.set(false);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), engine.getEngineName())) {
            GanConfig config = GanTrainer.builder().generator(TinyGan.generator()).discriminator(d)
                    .batchSize(4).seed(5).config();
            Network generator = Network.create(config.generator().stack(), manager);
            Network discriminator = Network.create(config.discriminator().stack(), manager);
            try (DeviceDataset data = new DeviceDataset(TinyGan.data(8, 3), manager, 3)) {
                AdversarialStep step = new AdversarialStep(engine, config, generator, discriminator, data, manager);
                NDArray real = manager.randomUniform(-1f, 1f, new Shape(4, 1, 8, 8));
                float[][] out = new float[2][];
                out[0] = step.discriminate(real, manager.zeros(new Shape(4, 1, 8, 8)))
                        .get(new NDIndex("0:4")).toFloatArray();
                out[1] = step.discriminate(real, manager.ones(new Shape(4, 1, 8, 8)))
                        .get(new NDIndex("0:4")).toFloatArray();
                return out;
            }
        } finally {
            GradMode.set(wasRecording);
        }
    }
}
