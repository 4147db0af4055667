package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.train.ComputeDevice;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.TrainedGan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link TrainedGan#save} and {@link TrainedGan#exportOnnx} say when they cannot write. */
class SaveAndExportFailuresTest {

    private static TrainedGan trained;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        trained = GanTrainer.builder()
                .generator(TinyGan.generator())
                .discriminator(TinyGan.discriminator())
                .batchSize(8)
                .stepsPerEpoch(1)
                .device(ComputeDevice.cpu())
                .seed(3)
                .build()
                .train(TinyGan.data(16, 2));
    }

    @AfterAll
    static void close() {
        trained.close();
    }

    @AfterEach
    void clearTheInterrupt() {
        Thread.interrupted();
    }

    @Test
    void saveOnAnInterruptedThreadSaysSoAndKeepsThePreviousFile() throws IOException {
        Path file = Files.writeString(dir.resolve("model.gan4j"), "previous");

        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> trained.save(file))
                .isInstanceOf(IOException.class)
                .hasMessage("could not write " + file + ": the thread was interrupted (ClosedByInterruptException)")
                .hasCauseInstanceOf(ClosedByInterruptException.class);

        assertThat(Thread.interrupted()).as("interrupt flag kept").isTrue();
        assertThat(file).hasContent("previous");
        assertThat(filesIn(dir)).containsExactly(file);
    }

    @Test
    void exportOnAnInterruptedThreadSaysSoAndLeavesNoFile() {
        Path file = dir.resolve("model.onnx");

        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> trained.exportOnnx(file))
                .isInstanceOf(IOException.class)
                .hasMessage("could not write " + file + ": the thread was interrupted (ClosedByInterruptException)")
                .hasCauseInstanceOf(ClosedByInterruptException.class);

        assertThat(Thread.interrupted()).as("interrupt flag kept").isTrue();
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void saveToTheRootIsRefusedByName() {
        assertThatThrownBy(() -> trained.save(Path.of("/")))
                .isInstanceOf(FileSystemException.class)
                .hasMessage("/ is a directory, not a regular file; choose a file path");
    }

    @Test
    void exportToTheRootIsRefusedByName() {
        assertThatThrownBy(() -> trained.exportOnnx(Path.of("/")))
                .isInstanceOf(FileSystemException.class)
                .hasMessage("/ is a directory, not a regular file; choose a file path");
    }

    @Test
    void saveToADirectoryIsRefusedAndWritesNothing() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("models"));

        assertThatThrownBy(() -> trained.save(folder))
                .isInstanceOf(FileSystemException.class)
                .hasMessage(folder + " is a directory, not a regular file; choose a file path");

        assertThat(filesIn(folder)).isEmpty();
    }

    private static List<Path> filesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
