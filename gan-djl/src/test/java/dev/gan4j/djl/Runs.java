package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gan4j.data.InMemoryImageDataset;
import dev.gan4j.internal.checkpoint.CheckpointDirectory;
import dev.gan4j.internal.checkpoint.CheckpointFile;
import dev.gan4j.internal.checkpoint.CheckpointState;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.spi.HostTensor;
import dev.gan4j.spi.OptimizerState;
import dev.gan4j.train.ComputeDevice;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.LabelSmoothing;
import dev.gan4j.train.TrainedGan;
import dev.gan4j.train.listener.StepMetrics;
import dev.gan4j.train.listener.TrainingListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Tiny checkpointed runs for the resume tests: every part of the state in play (BatchNorm, dropout,
 * two discriminator steps, label smoothing, a generator average) and passes over the data that end
 * in the middle of steps and epochs (40 images, 16 per step, 5 steps per epoch).
 */
final class Runs {

    static final InMemoryImageDataset DATA = TinyGan.data(40, 4);

    private Runs() {}

    static GanTrainer.Builder builder(Path dir) {
        return builder(dir, TinyGan.generator(), TinyGan.discriminator());
    }

    /** The same settings for other networks (a conditional pair, say). */
    static GanTrainer.Builder builder(Path dir, GeneratorSpec generator, DiscriminatorSpec discriminator) {
        return GanTrainer.builder()
                .generator(generator)
                .discriminator(discriminator)
                .labelSmoothing(LabelSmoothing.twoSided(0.9f, 0.1f))
                .discriminatorSteps(2)
                .generatorEma(0.9)
                .batchSize(8)
                .stepsPerEpoch(5)
                .epochs(3)
                .logEvery(1)
                .device(ComputeDevice.cpu())
                .seed(11)
                .checkpointDir(dir)
                .checkpointEvery(2)
                .keepCheckpoints(20);
    }

    /** Trains and returns the generator's weights; the caller's directory keeps the checkpoints. */
    static List<float[]> train(GanTrainer trainer) {
        try (TrainedGan gan = trainer.train(DATA)) {
            List<float[]> weights = new ArrayList<>();
            for (Param p : ((DjlTrainedGan) gan).network().params()) {
                weights.add(p.array().toFloatArray());
            }
            return weights;
        }
    }

    /** A listener that fails the run once it reports {@code step}, as a crash would. */
    static TrainingListener crashAfter(long step) {
        return new TrainingListener() {
            @Override
            public void onStep(StepMetrics metrics) {
                if (metrics.globalStep() >= step) {
                    throw new IllegalStateException("simulated crash after step " + metrics.globalStep());
                }
            }
        };
    }

    /** The newest checkpoint in {@code dir}. */
    static CheckpointFile.Contents newest(Path dir) throws IOException {
        List<CheckpointDirectory.Entry> entries = CheckpointDirectory.list(dir);
        return CheckpointFile.read(entries.get(entries.size() - 1).file());
    }

    /** Asserts that two checkpoints hold the same state, every float bit for bit. */
    static void assertSameState(CheckpointState actual, CheckpointState expected) {
        assertThat(actual.progress()).isEqualTo(expected.progress());
        assertThat(actual.data()).isEqualTo(expected.data());
        assertSameTensors("generator", actual.generator(), expected.generator());
        assertSameTensors("discriminator", actual.discriminator(), expected.discriminator());
        assertSameAdam("generator", actual.generatorAdam(), expected.generatorAdam());
        assertSameAdam("discriminator", actual.discriminatorAdam(), expected.discriminatorAdam());
        assertSameTensors("average", actual.average(), expected.average());
        assertThat(actual.averageUpdates()).isEqualTo(expected.averageUpdates());
        assertThat(actual.augmentationProbability()).isEqualTo(expected.augmentationProbability());
        assertThat(actual.augmentationHeuristicSum()).isEqualTo(expected.augmentationHeuristicSum());
    }

    /**
     * As {@link #assertSameState}, for a state computed on another machine or version: the step counts
     * exactly, every weight within {@code absolute}. The convolution kernels of another processor sum in
     * another order, and Adam turns a rounding difference in a gradient that is noise (a convolution's
     * bias before BatchNorm has none in theory) into a difference of up to the learning rate per update,
     * so the weights are compared within a few updates' reach and the moments, which hold that noise,
     * not at all.
     */
    static void assertCloseState(CheckpointState actual, CheckpointState expected, double absolute) {
        assertThat(actual.progress()).isEqualTo(expected.progress());
        assertThat(actual.data()).isEqualTo(expected.data());
        assertCloseTensors("generator", actual.generator(), expected.generator(), absolute);
        assertCloseTensors("discriminator", actual.discriminator(), expected.discriminator(), absolute);
        assertThat(actual.generatorAdam().steps()).containsExactly(expected.generatorAdam().steps());
        assertThat(actual.discriminatorAdam().steps()).containsExactly(expected.discriminatorAdam().steps());
        assertCloseTensors("average", actual.average(), expected.average(), absolute);
        assertThat(actual.averageUpdates()).isEqualTo(expected.averageUpdates());
    }

    private static void assertCloseTensors(String what, List<HostTensor> actual, List<HostTensor> expected,
            double absolute) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            HostTensor e = expected.get(i);
            float[] a = actual.get(i).values();
            assertThat(actual.get(i).name()).as(what).isEqualTo(e.name());
            assertThat(actual.get(i).shape()).as(what + " " + e.name()).containsExactly(e.shape());
            for (int j = 0; j < a.length; j++) {
                assertThat((double) a[j]).as("%s %s[%d]", what, e.name(), j).isCloseTo(e.values()[j], within(absolute));
            }
        }
    }

    private static void assertSameAdam(String network, OptimizerState actual, OptimizerState expected) {
        assertThat(actual.steps()).as(network + " Adam steps").containsExactly(expected.steps());
        assertSameTensors(network + " Adam m", actual.means(), expected.means());
        assertSameTensors(network + " Adam v", actual.variances(), expected.variances());
    }

    static void assertSameTensors(String what, List<HostTensor> actual, List<HostTensor> expected) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            HostTensor e = expected.get(i);
            assertThat(actual.get(i).name()).as(what).isEqualTo(e.name());
            assertThat(actual.get(i).shape()).as(what + " " + e.name()).containsExactly(e.shape());
            assertThat(actual.get(i).values()).as(what + " " + e.name()).containsExactly(e.values());
        }
    }

    static void assertSameWeights(List<float[]> actual, List<float[]> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("generator parameter " + i).containsExactly(expected.get(i));
        }
    }
}
