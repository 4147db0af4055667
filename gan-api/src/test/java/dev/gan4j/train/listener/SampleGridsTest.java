package dev.gan4j.train.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.image.ImageBatch;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.spec.TensorShape;
import dev.gan4j.train.Generator;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGridsTest {

    @TempDir
    Path dir;

    @Test
    void namesOneFilePerEpoch() {
        SampleGrids grids = SampleGrids.into(dir, 16, 4, 1L);

        assertThat(grids.fileFor(1)).isEqualTo(dir.resolve("epoch-001.png"));
        assertThat(grids.fileFor(42)).isEqualTo(dir.resolve("epoch-042.png"));
        assertThat(grids.fileFor(1234)).isEqualTo(dir.resolve("epoch-1234.png"));
    }

    @Test
    void writesAGridOfTheSameLatentsAfterEveryEpoch() throws IOException {
        RecordingGenerator generator = new RecordingGenerator();
        SampleGrids grids = SampleGrids.into(dir, 6, 3, 99L);

        grids.onEpochEnd(summary(1, generator));
        grids.onEpochEnd(summary(2, generator));

        assertThat(generator.calls).containsExactly("6 images, seed 99", "6 images, seed 99");
        BufferedImage first = ImageIO.read(dir.resolve("epoch-001.png").toFile());
        assertThat(first.getWidth()).isEqualTo(3 * (4 + 2) + 2);
        assertThat(first.getHeight()).isEqualTo(2 * (4 + 2) + 2);
        assertThat(first.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(dir.resolve("epoch-002.png")).isRegularFile();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("epoch-001.png", "epoch-002.png");
        }
    }

    @Test
    void rejectsCountOrColumnsBelowOne() {
        assertThatThrownBy(() -> SampleGrids.into(dir, 0, 4, 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count must be >= 1, got 0");
        assertThatThrownBy(() -> SampleGrids.into(dir, 16, 0, 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("columns must be >= 1, got 0");
    }

    @Test
    void rejectsNoDirectoryAtOnceSayingDir() {
        assertThatThrownBy(() -> SampleGrids.into(null, 16, 4, 1L))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("dir");
    }

    @Test
    void aGridThatCannotBeWrittenSaysWhichAndWhy() throws IOException {
        SampleGrids grids = SampleGrids.into(dir, 6, 3, 99L);
        Path inTheWay = Files.createDirectory(dir.resolve("epoch-001.png"));

        assertThatThrownBy(() -> grids.onEpochEnd(summary(1, new RecordingGenerator())))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("sample grid of epoch 1: " + inTheWay + " is a directory, not a regular file; choose a"
                        + " file path")
                .hasCauseInstanceOf(FileSystemException.class);
    }

    private static EpochSummary summary(int epoch, Generator generator) {
        StepMetrics mean = new StepMetrics(epoch, 10, 10, 10L * epoch, 1f, 1f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 100, 1f, 1f, 10f, 10f);
        return new EpochSummary(epoch, 2, 10L * epoch, mean, 1.0, generator);
    }

    /** Draws white 1x4x4 images and records what it was asked for. */
    private static final class RecordingGenerator implements Generator {
        final List<String> calls = new ArrayList<>();

        @Override
        public GeneratorSpec spec() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ImageBatch generate(int count, long seed) {
            calls.add(count + " images, seed " + seed);
            float[] pixels = new float[count * 16];
            Arrays.fill(pixels, 1f);
            return ImageBatch.of(pixels, count, TensorShape.of(1, 4, 4));
        }

        @Override
        public ImageBatch generate(float[] latents) {
            throw new UnsupportedOperationException();
        }
    }
}
