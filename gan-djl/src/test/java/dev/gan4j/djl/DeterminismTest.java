package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gan4j.data.ImageDataset;
import dev.gan4j.data.Mnist;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.train.ComputeDevice;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.TrainedGan;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    private static final ImageDataset DIGITS = Mnist.bundledTrainingSet().subset(0, 1024);

    @Test
    @Slow
    void sameSeedAndSpecGiveBitIdenticalGeneratorWeightsOnCpu() {
        List<float[]> first = trainAndReadWeights(42);
        List<float[]> second = trainAndReadWeights(42);

        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i)).as("parameter " + i).containsExactly(first.get(i));
        }
    }

    @Test
    void differentSeedsGiveDifferentWeights() {
        List<float[]> first = trainAndReadWeights(1);
        List<float[]> second = trainAndReadWeights(2);

        assertThat(second.get(0)).isNotEqualTo(first.get(0));
    }

    private static List<float[]> trainAndReadWeights(long seed) {
        GanTrainer trainer = GanTrainer.builder()
                .generator(GeneratorSpec.dcgan().width(16).build())
                .discriminator(DiscriminatorSpec.dcgan().width(16).build())
                .batchSize(32)
                .stepsPerEpoch(6)
                .epochs(2)
                .device(ComputeDevice.cpu())
                .seed(seed)
                .build();
        try (TrainedGan gan = trainer.train(DIGITS)) {
            List<float[]> weights = new ArrayList<>();
            for (Param p : ((DjlTrainedGan) gan).network().params()) {
                weights.add(p.array().toFloatArray());
            }
            return weights;
        }
    }
}
