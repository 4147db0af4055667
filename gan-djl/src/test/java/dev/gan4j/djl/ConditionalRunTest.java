package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.data.InMemoryImageDataset;
import dev.gan4j.internal.checkpoint.CheckpointState;
import dev.gan4j.spec.Conditioning;
import dev.gan4j.spi.TrainingLoop;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.TrainedGan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole conditional runs on the tiny networks (3 classes, BatchNorm, dropout, two discriminator steps,
 * a generator average): seeded runs repeat bit for bit, a resumed run ends where the uninterrupted one
 * does, and the saved generator, its embedding included, draws the same images by label.
 */
class ConditionalRunTest {

    private static final InMemoryImageDataset DATA = ConditionalNetworkTest.data(40, 4);

    @TempDir
    static Path uninterruptedDir;

    private static List<float[]> uninterruptedWeights;
    private static CheckpointState uninterrupted;

    /** {@link Runs#builder(Path)}'s settings with the conditional pair. */
    static GanTrainer.Builder builder(Path dir) {
        return Runs.builder(dir, ConditionalNetworkTest.generator(), ConditionalNetworkTest.discriminator());
    }

    static List<float[]> train(GanTrainer trainer) {
        try (TrainedGan gan = trainer.train(DATA)) {
            return weights(gan);
        }
    }

    private static List<float[]> weights(TrainedGan gan) {
        List<float[]> weights = new ArrayList<>();
        for (Param p : ((DjlTrainedGan) gan).network().params()) {
            weights.add(p.array().toFloatArray());
        }
        return weights;
    }

    @BeforeAll
    static void trainWithoutInterruption() throws IOException {
        uninterruptedWeights = train(builder(uninterruptedDir).build());
        uninterrupted = Runs.newest(uninterruptedDir).state();
    }

    @Test
    void twoSeededConditionalRunsAreBitIdentical(@TempDir Path dir) {
        Runs.assertSameWeights(train(builder(dir).build()), uninterruptedWeights);
    }

    @Test
    void theSeedDecidesTheFakesLabels(@TempDir Path dir) {
        assertThat(train(builder(dir).seed(12).build()).get(0)).isNotEqualTo(uninterruptedWeights.get(0));
    }

    @Test
    void checkpointsHoldTheEmbeddingAndTheProjectionAndTheAverageCarriesTheEmbedding() {
        assertThat(last(uninterrupted.generator()).name()).isEqualTo("label.embedding");
        assertThat(last(uninterrupted.discriminator()).name()).isEqualTo("projection.embedding");
        assertThat(last(uninterrupted.average()).name()).isEqualTo("label.embedding");
        assertThat(last(uninterrupted.average()).values()).isNotEqualTo(last(uninterrupted.generator()).values());
    }

    private static dev.gan4j.spi.HostTensor last(List<dev.gan4j.spi.HostTensor> tensors) {
        return tensors.get(tensors.size() - 1);
    }

    @Test
    void resumedConditionalRunEndsWithBitIdenticalWeights(@TempDir Path dir) throws IOException {
        // given: a run that crashes after step 7, mid-epoch, with the checkpoint of step 6
        GanTrainer crashing = builder(dir).listener(Runs.crashAfter(7)).build();
        assertThatThrownBy(() -> train(crashing)).hasMessageContaining("simulated crash");

        // when
        TrainingLoop resumed = (TrainingLoop) GanTrainer.resume(dir).build();
        List<float[]> weights = train(resumed);

        // then
        assertThat(resumed.resumedStep()).isEqualTo(6);
        assertThat(resumed.config().generator().conditioning()).isEqualTo(Conditioning.labelEmbedding(3, 4));
        assertThat(resumed.config().discriminator().conditioning()).isEqualTo(Conditioning.projection(3));
        Runs.assertSameWeights(weights, uninterruptedWeights);
        Runs.assertSameState(Runs.newest(dir).state(), uninterrupted);
    }

    @Test
    void savedConditionalGeneratorDrawsTheSameImagesByLabel(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("g.gan4j");
        int[] labels = {2, 2, 0, 1};
        try (TrainedGan gan = builder(dir.resolve("run")).build().train(DATA)) {
            gan.save(file);
            float[] before = gan.generate(labels, 3).pixels();

            try (TrainedGan loaded = TrainedGan.load(file)) {
                assertThat(loaded.spec()).isEqualTo(gan.spec());
                assertThat(loaded.spec().conditioning()).isEqualTo(Conditioning.labelEmbedding(3, 4));
                assertThat(loaded.generate(labels, 3).pixels()).containsExactly(before);
                Runs.assertSameWeights(weights(loaded), weights(gan));
            }
            // the label matters: other labels, the same latents, other images
            assertThat(gan.generate(new int[] {0, 1, 2, 0}, 3).pixels()).isNotEqualTo(before);
        }
    }

    @Test
    void aConditionalRunOnUnlabelledDataFailsBeforeTraining(@TempDir Path dir) {
        assertThatThrownBy(() -> builder(dir).build().train(TinyGan.data(40, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a conditional run (3 classes) needs a label per image, but data set"
                        + " InMemoryImageDataset[40 images of (1, 8, 8), unlabelled] has no labels;");
    }
}
