package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gan4j.data.ImageDataset;
import dev.gan4j.data.Mnist;
import dev.gan4j.quality.QualityMetric;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.train.ComputeDevice;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.LabelSmoothing;
import dev.gan4j.train.TrainedGan;
import org.junit.jupiter.api.Test;

/**
 * A short, seeded, real conditional run on the bundled digits that must learn to draw the digit it is
 * asked for: the MNIST quality classifier (read from the user's gan4j cache, trained once if absent)
 * must assign far more than chance, 1 in 10, of the samples to their requested label.
 *
 * <p>With one-sided label smoothing (Salimans et al. 2016, real target 0.9), which keeps the projection
 * discriminator from winning outright. Measured on 2026-12-03, on 2 cores shared with three other jobs
 * (load average 9 to 14), 300 steps of 64 at width 32: conditional accuracy 0.464 in 57 s (seed 42),
 * 0.460 in 43 s (seed 7). Without smoothing the same run reached 0.505 once (133 s; the same run
 * unconditional took 125 s, a conditional step about 1.06 times an unconditional one under that load)
 * and 0.200 another time (two digits drawn for every label); with dropout 0.3 in D, or with the hinge
 * loss (150 steps), it collapsed to one digit (0.100).
 */
@Slow
class ConditionalLearnsTest {

    private static final int STEPS = 300;

    @Test
    void conditionalDcganDrawsTheRequestedDigitsFarMoreOftenThanChance() {
        // given
        ImageDataset digits = Mnist.bundledTrainingSet();
        QualityMetric quality = QualityMetric.mnist().build();
        GanTrainer trainer = GanTrainer.builder()
                .generator(GeneratorSpec.dcgan().width(32).conditional(10).build())
                .discriminator(DiscriminatorSpec.dcgan().width(32).conditional(10).build())
                .labelSmoothing(LabelSmoothing.oneSided(0.9f))
                .batchSize(64)
                .stepsPerEpoch(STEPS)
                .epochs(1)
                .logEvery(STEPS)
                .device(ComputeDevice.cpu())
                .seed(42)
                .build();

        // when
        long start = System.nanoTime();
        try (TrainedGan gan = trainer.train(digits)) {
            double seconds = (System.nanoTime() - start) / 1e9;
            double accuracy = quality.conditionalAccuracy(gan);
            System.out.printf("conditional dcgan width 32, %d steps of 64 in %.1f s: conditional accuracy %.3f%n",
                    STEPS, seconds, accuracy);

            // then: chance is 0.1; 0.46 was measured with two seeds
            assertThat(accuracy).isGreaterThan(0.3);
        }
    }
}
