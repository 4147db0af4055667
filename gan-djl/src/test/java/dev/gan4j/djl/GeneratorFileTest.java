package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.image.ImageBatch;
import dev.gan4j.train.ComputeDevice;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.TrainedGan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorFileTest {

    @TempDir
    static Path dir;

    private static Path saved;
    private static ImageBatch expected;
    private static TrainedGan trained;

    @BeforeAll
    static void trainAndSave() throws IOException {
        trained = GanTrainer.builder()
                .generator(TinyGan.generator())
                .discriminator(TinyGan.discriminator())
                .batchSize(8)
                .stepsPerEpoch(3)
                .device(ComputeDevice.cpu())
                .seed(3)
                .build()
                .train(TinyGan.data(32, 2));
        saved = dir.resolve("tiny.gan4j");
        trained.save(saved);
        expected = trained.generate(5, 11);
    }

    @Test
    void loadedGeneratorDrawsTheSameImages() throws IOException {
        try (TrainedGan loaded = TrainedGan.load(saved)) {
            assertThat(loaded.spec()).isEqualTo(TinyGan.generator());
            assertThat(loaded.generate(5, 11).pixels()).containsExactly(expected.pixels());
        }
    }

    @Test
    void loadedGeneratorKeepsItsProvenance() throws IOException {
        try (TrainedGan loaded = TrainedGan.load(saved)) {
            assertThat(loaded.provenance()).isEqualTo(trained.provenance());
            assertThat(loaded.provenance().seed()).isEqualTo(3);
            assertThat(loaded.provenance().steps()).isEqualTo(3);
            assertThat(loaded.provenance().engine()).startsWith("DJL 0.36.0 / PyTorch");
        }
    }

    @Test
    void truncatedFileIsRejectedWithItsName() throws IOException {
        byte[] bytes = Files.readAllBytes(saved);
        Path truncated = dir.resolve("truncated.gan4j");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> TrainedGan.load(truncated))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(truncated.toString());
    }

    @Test
    void fileOfAnotherKindIsRejected() throws IOException {
        Path other = dir.resolve("notes.gan4j");
        Files.writeString(other, "not a model");

        assertThatThrownBy(() -> TrainedGan.load(other))
                .isInstanceOf(IOException.class)
                .hasMessage(other + " is not a gan4j generator file: it lacks spec.txt (truncated, or written by"
                        + " something else)");
    }

    @Test
    void closedGeneratorRefusesToDraw() throws IOException {
        TrainedGan loaded = TrainedGan.load(saved);
        loaded.close();
        loaded.close();

        assertThatThrownBy(() -> loaded.generate(1, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("this TrainedGan is closed");
    }

    @Test
    void saveAndExportOfNoFileSayFile() {
        assertThatThrownBy(() -> trained.save(null)).isInstanceOf(NullPointerException.class).hasMessage("file");
        assertThatThrownBy(() -> trained.exportOnnx(null)).isInstanceOf(NullPointerException.class).hasMessage("file");
    }

    @Test
    void latentsOfTheWrongLengthAreRejected() {
        assertThatThrownBy(() -> trained.generate(new float[7]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("latents has 7 floats; it must be a positive multiple of latentDim 8");
    }
}
