package dev.gan4j.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gan4j.data.InMemoryImageDataset;
import dev.gan4j.spec.ClassifierSpec;
import dev.gan4j.spec.TensorShape;
import dev.gan4j.train.Adam;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierCacheTest {

    private static final ClassifierSpec SPEC =
            ClassifierSpec.builder().inputShape(1, 2, 2).flatten().dense(3).relu().dense(2).build();
    private static final ClassifierTraining TRAINING = new ClassifierTraining(1, 2, Adam.of(1e-3, 0.9), 0, 1);

    @TempDir
    Path dir;

    @Test
    void anEntryReadsBackAsWritten() throws IOException {
        ClassifierCache.Entry entry = entry("k1");
        Path file = dir.resolve("sub/cache.bin");

        ClassifierCache.write(file, entry);
        ClassifierCache.Entry read = ClassifierCache.read(file, "k1");

        assertThat(read).isNotNull();
        assertThat(read.key()).isEqualTo("k1");
        assertThat(read.weights()).containsExactly(entry.weights());
        assertThat(read.trainingImages()).isEqualTo(123);
        assertThat(read.trainingSeconds()).isEqualTo(4.5);
        assertThat(read.reference().count()).isEqualTo(3);
        assertThat(read.reference().mean()).containsExactly(entry.reference().mean());
        assertThat(read.reference().covariance()).isDeepEqualTo(entry.reference().covariance());
    }

    @Test
    void anEntryOfAnotherKeyIsNotRead() throws IOException {
        Path file = dir.resolve("cache.bin");
        ClassifierCache.write(file, entry("k1"));

        assertThat(ClassifierCache.read(file, "k2")).isNull();
    }

    @Test
    void aMissingFileIsNotRead() {
        assertThat(ClassifierCache.read(dir.resolve("none.bin"), "k1")).isNull();
        assertThat(ClassifierCache.read(dir, "k1")).isNull();
    }

    @Test
    void aTruncatedFileIsNotRead() throws IOException {
        Path file = dir.resolve("cache.bin");
        ClassifierCache.write(file, entry("k1"));
        byte[] bytes = Files.readAllBytes(file);

        for (int length : new int[] {0, 3, 20, bytes.length / 2, bytes.length - 1}) {
            Files.write(file, Arrays.copyOf(bytes, length));
            assertThat(ClassifierCache.read(file, "k1")).as("first %d bytes", length).isNull();
        }
    }

    @Test
    void aDamagedByteIsNoticed() throws IOException {
        Path file = dir.resolve("cache.bin");
        ClassifierCache.write(file, entry("k1"));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 30] ^= 0x10;
        Files.write(file, bytes);

        assertThat(ClassifierCache.read(file, "k1")).isNull();
    }

    @Test
    void trailingBytesAreNoticed() throws IOException {
        Path file = dir.resolve("cache.bin");
        ClassifierCache.write(file, entry("k1"));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length + 1));

        assertThat(ClassifierCache.read(file, "k1")).isNull();
    }

    @Test
    void theKeyIsStableAndChangesWithEveryInput() {
        String key = ClassifierCache.key("djl", SPEC, TRAINING, data(0.5f, 1));

        assertThat(key).hasSize(64).matches("[0-9a-f]+");
        assertThat(ClassifierCache.key("djl", SPEC, TRAINING, data(0.5f, 1))).isEqualTo(key);
        assertThat(ClassifierCache.key("other", SPEC, TRAINING, data(0.5f, 1))).isNotEqualTo(key);
        assertThat(ClassifierCache.key("djl", SPEC, TRAINING, data(0.25f, 1))).as("one pixel").isNotEqualTo(key);
        assertThat(ClassifierCache.key("djl", SPEC, TRAINING, data(0.5f, 0))).as("one label").isNotEqualTo(key);
        ClassifierSpec wider = ClassifierSpec.builder().inputShape(1, 2, 2).flatten().dense(4).relu().dense(2).build();
        assertThat(ClassifierCache.key("djl", wider, TRAINING, data(0.5f, 1))).as("spec").isNotEqualTo(key);
        ClassifierTraining longer = new ClassifierTraining(2, 2, Adam.of(1e-3, 0.9), 0, 1);
        assertThat(ClassifierCache.key("djl", SPEC, longer, data(0.5f, 1))).as("training").isNotEqualTo(key);
    }

    @Test
    void theSharedFileIsNamedByTheKey() {
        String key = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

        assertThat(ClassifierCache.fileIn(dir, key)).isEqualTo(dir.resolve("classifier-0123456789abcdef.bin"));
    }

    /** Three 1x2x2 images labelled 0, 1 and {@code lastLabel}; the last pixel is {@code lastPixel}. */
    private static InMemoryImageDataset data(float lastPixel, int lastLabel) {
        float[] pixels = {0, 0, 0, 0, 1, 1, 1, 1, -1, 0, 1, lastPixel};
        return InMemoryImageDataset.of(pixels, TensorShape.of(1, 2, 2), new int[] {0, 1, lastLabel});
    }

    private static ClassifierCache.Entry entry(String key) {
        byte[] weights = new byte[1000];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (byte) (i * 31);
        }
        FeatureStatistics reference = FeatureStatistics.of(new float[] {1, 2, 3, 6, 5, 7}, 3, 2);
        return new ClassifierCache.Entry(key, weights, reference, 123, 4.5);
    }
}
