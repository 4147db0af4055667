package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.gan4j.data.ImageDataset;
import dev.gan4j.data.Mnist;
import dev.gan4j.image.ImageBatch;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.train.Augmentation;
import dev.gan4j.train.Augmentation.Policy;
import dev.gan4j.train.ComputeDevice;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.LabelSmoothing;
import dev.gan4j.train.TrainedGan;
import org.junit.jupiter.api.Test;

/**
 * A short seeded run on 500 of the bundled digits, the small-data case DiffAugment is for, with every
 * policy on: the generator must still learn the digits through augmented discriminator inputs.
 */
@Slow
class AugmentationLearnsTest {

    private static final int SAMPLES = 512;

    @Test
    void diffAugmentOnFiveHundredDigitsLearnsTheDigits() {
        ImageDataset digits = Mnist.bundledTrainingSet().subset(0, 500);
        GeneratorSpec g = GeneratorSpec.dcgan().build();
        DiscriminatorSpec d = DiscriminatorSpec.dcgan().build();
        float[] realMean = TrainingLearnsTest.meanImage(digits);
        double before;
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), DjlEngine.NAME)) {
            before = TrainingLearnsTest.distance(
                    TrainingLearnsTest.meanImage(TrainingLearnsTest.initialGenerator(g, manager).generate(SAMPLES, 1)),
                    realMean);
        }

        try (TrainedGan gan = GanTrainer.builder()
                .generator(g)
                .discriminator(d)
                .labelSmoothing(LabelSmoothing.oneSided(0.9f))
                .augmentation(Augmentation.diffAugment(Policy.COLOR, Policy.TRANSLATION, Policy.CUTOUT))
                .batchSize(64)
                .stepsPerEpoch(150)
                .epochs(2)
                .logEvery(50)
                .device(ComputeDevice.cpu())
                .seed(42)
                .build()
                .train(digits)) {
            ImageBatch samples = gan.generate(SAMPLES, 1);
            double after = TrainingLearnsTest.distance(TrainingLearnsTest.meanImage(samples), realMean);
            double spread = TrainingLearnsTest.spread(samples.pixels(), realMean.length);

            assertThat(gan.provenance().augmentation()).isEqualTo("diffAugment(color,translation,cutout)");
            assertThat(after).as("distance of the mean sample from the mean digit (before: %.3f)", before)
                    .isLessThan(before / 2);
            assertThat(spread).as("spread of the samples (real digits': %.3f)", TrainingLearnsTest.spread(digits))
                    .isGreaterThan(0.5 * TrainingLearnsTest.spread(digits));
        }
    }
}
