package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.data.InMemoryImageDataset;
import dev.gan4j.quality.ClassifierTraining;
import dev.gan4j.quality.QualityMetric;
import dev.gan4j.quality.QualityReport;
import dev.gan4j.spec.ClassifierSpec;
import dev.gan4j.spec.TensorShape;
import dev.gan4j.train.Adam;
import dev.gan4j.train.ComputeDevice;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.TrainedGan;
import dev.gan4j.train.listener.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quality metric inside a (tiny) training run: when it reports, to whom, and what it leaves alone. */
class QualityDuringTrainingTest {

    private static final ClassifierSpec CLASSIFIER = ClassifierSpec.builder().inputShape(1, 8, 8)
            .flatten().dense(8).relu().dense(2)
            .build();
    private static final ClassifierTraining TRAINING = new ClassifierTraining(2, 16, Adam.of(1e-2, 0.9), 0, 3);
    private static final InMemoryImageDataset DATA = halves(256, 1);

    @TempDir
    Path cache;

    private QualityMetric metric(int every) {
        return QualityMetric.of(DATA, halves(64, 2)).classifier(CLASSIFIER, TRAINING).every(every).samples(50)
                .cacheDirectory(cache).build();
    }

    private static GanTrainer.Builder tinyGan() {
        return GanTrainer.builder()
                .generator(TinyGan.generator())
                .discriminator(TinyGan.discriminator())
                .batchSize(16).stepsPerEpoch(4).epochs(3).logEvery(2)
                .device(ComputeDevice.cpu()).seed(11);
    }

    @Test
    void reportsEveryNEpochsAndAfterTheLastReachEveryListener() {
        Recorder before = new Recorder();
        Recorder after = new Recorder();

        try (TrainedGan gan = tinyGan().listener(before).quality(metric(2)).listener(after).build().train(DATA)) {
            assertThat(gan.provenance().steps()).isEqualTo(12);
        }

        for (Recorder r : List.of(before, after)) {
            assertThat(r.reports).extracting(QualityReport::epoch).containsExactly(2, 3);
            assertThat(r.reports).extracting(QualityReport::globalStep).containsExactly(8L, 12L);
            assertThat(r.reports.get(0).generated().samples()).isEqualTo(50);
            assertThat(r.reports.get(0).real().samples()).isEqualTo(50);
            assertThat(r.reports.get(0).generated().classShares()).hasSize(2);
        }
        assertThat(after.reports).isEqualTo(before.reports);
        assertThat(before.events).containsSubsequence("epoch 2", "quality 2", "epoch 3", "quality 3");
    }

    @Test
    void measuringQualityLeavesTheTrainedWeightsBitIdentical() {
        List<float[]> without = weights(tinyGan());
        List<float[]> with = weights(tinyGan().quality(metric(1)));

        assertThat(with).hasSameSizeAs(without);
        for (int i = 0; i < without.size(); i++) {
            assertThat(with.get(i)).as("parameter %d", i).containsExactly(without.get(i));
        }
    }

    @Test
    void aTrainedGeneratorIsScoredWithItsProvenance() {
        QualityMetric metric = metric(5);
        try (TrainedGan gan = tinyGan().build().train(DATA)) {
            QualityReport report = metric.score(gan);

            assertThat(report.epoch()).isEqualTo(3);
            assertThat(report.globalStep()).isEqualTo(12);
            assertThat(report.real()).isEqualTo(metric.ceiling());
            assertThat(report.classifier()).isEqualTo(metric.classifier());
        }
    }

    @Test
    void aClassifierForOtherImagesFailsBeforeTheFirstStep() {
        Recorder recorder = new Recorder();
        GanTrainer trainer = tinyGan().listener(recorder).quality(QualityMetric.mnist().cacheDirectory(cache).build())
                .build();

        assertThatThrownBy(() -> trainer.train(DATA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the generator makes images of shape (1, 8, 8) but the quality classifier takes (1, 28, 28);"
                        + " set a classifier for them with QualityMetric.Builder.classifier(spec, training)");
        assertThat(recorder.events).doesNotContain("epoch 1");
    }

    private static List<float[]> weights(GanTrainer.Builder builder) {
        try (TrainedGan gan = builder.build().train(DATA)) {
            List<float[]> weights = new ArrayList<>();
            for (Param p : ((DjlTrainedGan) gan).network().params()) {
                weights.add(p.array().toFloatArray());
            }
            return weights;
        }
    }

    /** Records the events it receives, in order. */
    private static final class Recorder implements TrainingListener {
        final List<QualityReport> reports = new ArrayList<>();
        final List<String> events = new ArrayList<>();

        @Override
        public void onEpochEnd(dev.gan4j.train.listener.EpochSummary summary) {
            events.add("epoch " + summary.epoch());
        }

        @Override
        public void onQuality(QualityReport report) {
            reports.add(report);
            events.add("quality " + report.epoch());
        }
    }

    /** 8x8 images, class 0 bright in the top half and class 1 in the bottom half, with noise. */
    private static InMemoryImageDataset halves(int count, long seed) {
        Random random = new Random(seed);
        float[] pixels = new float[count * 64];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(2);
            for (int p = 0; p < 64; p++) {
                boolean bright = (p < 32) == (labels[i] == 0);
                float v = (bright ? 0.5f : -0.5f) + (float) random.nextGaussian() * 0.3f;
                pixels[i * 64 + p] = Math.max(-1f, Math.min(1f, v));
            }
        }
        return InMemoryImageDataset.of(pixels, TensorShape.of(1, 8, 8), labels);
    }
}
