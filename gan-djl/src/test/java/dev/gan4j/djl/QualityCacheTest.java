package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gan4j.data.InMemoryImageDataset;
import dev.gan4j.data.Mnist;
import dev.gan4j.quality.ClassifierSummary;
import dev.gan4j.quality.ClassifierTraining;
import dev.gan4j.quality.QualityMetric;
import dev.gan4j.spec.ClassifierSpec;
import dev.gan4j.spec.Padding;
import dev.gan4j.train.Adam;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the quality metric keeps its classifier: beside IDX files, or in the cache directory; read
 * back when the data is the same, trained anew when it changed or the file is damaged. A tiny
 * classifier keeps each training to a fraction of a second.
 */
class QualityCacheTest {

    private static final ClassifierSpec TINY = ClassifierSpec.builder().inputShape(1, 28, 28)
            .conv(4, 5, 4, Padding.same()).relu().flatten().dense(16).relu().dense(10)
            .build();
    private static final ClassifierTraining QUICK = new ClassifierTraining(1, 32, Adam.of(3e-3, 0.9), 0, 1);
    private static final InMemoryImageDataset DIGITS = Mnist.bundledTrainingSet();

    @TempDir
    Path data;

    @TempDir
    Path cache;

    private Path besideData;

    @BeforeEach
    void writeIdxFiles() throws IOException {
        writeIdx(data, "train", DIGITS.subset(0, 600));
        writeIdx(data, "t10k", DIGITS.subset(600, 200));
        besideData = data.resolve("gan4j-classifier.bin");
    }

    private QualityMetric metric() {
        return QualityMetric.mnist(data).cacheDirectory(cache).classifier(TINY, QUICK).samples(100).build();
    }

    @Test
    void theClassifierIsCachedBesideTheIdxFilesAndReadBack() throws IOException {
        ClassifierSummary first = metric().classifier();

        assertThat(first.fromCache()).isFalse();
        assertThat(first.cacheFile()).isEqualTo(besideData);
        assertThat(first.trainingImages()).isEqualTo(600);
        assertThat(first.testImages()).isEqualTo(200);
        assertThat(Files.isRegularFile(besideData)).isTrue();
        assertThat(filesIn(cache)).isZero();

        QualityMetric again = metric();
        ClassifierSummary second = again.classifier();

        assertThat(second.fromCache()).isTrue();
        assertThat(second.cacheFile()).isEqualTo(besideData);
        assertThat(second.testAccuracy()).isEqualTo(first.testAccuracy());
        assertThat(second.trainingSeconds()).isEqualTo(first.trainingSeconds());
    }

    @Test
    void changedTrainingDataTrainsANewClassifier() throws IOException {
        ClassifierSummary before = metric().classifier();
        byte[] oldFile = Files.readAllBytes(besideData);

        writeIdx(data, "train", DIGITS.subset(1000, 600));
        ClassifierSummary after = metric().classifier();

        assertThat(before.fromCache()).isFalse();
        assertThat(after.fromCache()).isFalse();
        assertThat(Files.readAllBytes(besideData)).isNotEqualTo(oldFile);
        assertThat(metric().classifier().fromCache()).as("the new one is cached in turn").isTrue();
    }

    @Test
    void aChangedClassifierSpecTrainsANewClassifier() {
        metric().classifier();
        ClassifierTraining otherSeed = new ClassifierTraining(1, 32, Adam.of(3e-3, 0.9), 0, 2);

        ClassifierSummary other = QualityMetric.mnist(data).cacheDirectory(cache).classifier(TINY, otherSeed)
                .build().classifier();

        assertThat(other.fromCache()).isFalse();
    }

    @Test
    void aDamagedCacheFileIsReplaced() throws IOException {
        metric().classifier();
        byte[] bytes = Files.readAllBytes(besideData);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(besideData, bytes);

        ClassifierSummary retrained = metric().classifier();

        assertThat(retrained.fromCache()).isFalse();
        assertThat(metric().classifier().fromCache()).isTrue();
    }

    @Test
    void anUnwritableDataDirectoryFallsBackToTheCacheDirectory() throws IOException {
        // A non-empty directory where the cache file would go: no one, root included, can write it.
        Files.createDirectories(besideData.resolve("blocker"));

        ClassifierSummary first = metric().classifier();
        ClassifierSummary second = metric().classifier();

        assertThat(first.fromCache()).isFalse();
        assertThat(first.cacheFile().getParent()).isEqualTo(cache);
        assertThat(second.fromCache()).isTrue();
        assertThat(second.cacheFile()).isEqualTo(first.cacheFile());
    }

    @Test
    void withoutTestFilesTheLastTenthOfTheTrainingSetIsHeldOut() throws IOException {
        Files.delete(data.resolve("t10k-images-idx3-ubyte"));
        Files.delete(data.resolve("t10k-labels-idx1-ubyte"));

        ClassifierSummary summary = metric().classifier();

        assertThat(summary.trainingImages()).isEqualTo(540);
        assertThat(summary.testImages()).isEqualTo(60);
        assertThat(metric().ceiling().samples()).isEqualTo(60);
    }

    @Test
    @Slow
    void theBundledDigitsAreCachedInTheCacheDirectory() {
        ClassifierSummary summary = QualityMetric.mnist().cacheDirectory(cache).classifier(TINY, QUICK).build()
                .classifier();

        assertThat(summary.cacheFile().getParent()).isEqualTo(cache);
        assertThat(summary.cacheFile().getFileName().toString()).matches("classifier-[0-9a-f]{16}\\.bin");
    }

    private static long filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    /** Writes {@code set}-images-idx3-ubyte and {@code set}-labels-idx1-ubyte as MNIST distributes them. */
    static void writeIdx(Path dir, String set, InMemoryImageDataset digits) throws IOException {
        try (OutputStream file = Files.newOutputStream(dir.resolve(set + "-images-idx3-ubyte"));
                DataOutputStream out = new DataOutputStream(file)) {
            out.writeInt(0x00000803);
            out.writeInt(digits.size());
            out.writeInt(28);
            out.writeInt(28);
            for (int i = 0; i < digits.size(); i++) {
                for (float p : digits.image(i)) {
                    out.writeByte(Math.round((p + 1f) * 127.5f));
                }
            }
        }
        try (OutputStream file = Files.newOutputStream(dir.resolve(set + "-labels-idx1-ubyte"));
                DataOutputStream out = new DataOutputStream(file)) {
            out.writeInt(0x00000801);
            out.writeInt(digits.size());
            for (int i = 0; i < digits.size(); i++) {
                out.writeByte(digits.label(i));
            }
        }
    }
}
