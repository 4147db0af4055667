package dev.gan4j.train;

import dev.gan4j.export.OnnxExportOptions;
import dev.gan4j.internal.io.GeneratorFile;
import dev.gan4j.spi.Engines;
import dev.gan4j.spi.GanTrainerProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The result of {@link GanTrainer#train}: the trained generator, with its provenance. Holds native
 * memory until closed; {@code close()} may be called more than once.
 */
public interface TrainedGan extends Generator, AutoCloseable {

    /** Returns where this generator came from. */
    Provenance provenance();

    /**
     * Saves the generator's spec, weights (BatchNorm statistics included) and provenance to one file,
     * written atomically: a crash leaves either the old file or the new one. Only a regular file is
     * replaced; through a symbolic link, the file it points to (the link stays).
     *
     * @throws NullPointerException with the message {@code "file"} if {@code file} is null
     * @throws java.nio.file.FileSystemException naming the path if it is a directory, FIFO, device,
     *     socket or a loop of links: nothing is written
     * @throws IOException if the file cannot be written, with its path and the reason in the message
     *     ("could not write model.gan4j: No space left on device"; on an interrupted thread "...: the
     *     thread was interrupted (ClosedByInterruptException)", the interrupt flag still set): the file
     *     is then unchanged
     */
    void save(Path file) throws IOException;

    /**
     * Exports the generator to an ONNX model with the {@linkplain OnnxExportOptions#defaults() default
     * options}: opset 17, dynamic batch, images in [-1, 1]. See {@link #exportOnnx(Path,
     * OnnxExportOptions)}.
     *
     * @throws IOException if the file cannot be written
     */
    default void exportOnnx(Path file) throws IOException {
        exportOnnx(file, OnnxExportOptions.defaults());
    }

    /**
     * Exports the generator to an ONNX model that runs with any ONNX runtime alone, following the
     * contract of {@link dev.gan4j.export.OnnxContract} (input {@code z}, output {@code image}, NCHW,
     * metadata with the latent size and distribution, image shape, output range and this generator's
     * provenance). Inference mode: BatchNorm uses its running statistics, dropout is dropped. The file
     * is written atomically, as by {@link #save(Path)}: only a regular file is replaced, through a
     * symbolic link the file it points to; a directory, FIFO or device is refused.
     *
     * @throws NullPointerException with the message {@code "file"} or {@code "options"}, whichever is null
     * @throws java.nio.file.FileSystemException naming the path if it is a directory, FIFO, device,
     *     socket or a loop of links: nothing is written
     * @throws IOException if the file cannot be written, with its path and the reason in the message, as
     *     for {@link #save(Path)}: the file is then unchanged
     */
    void exportOnnx(Path file, OnnxExportOptions options) throws IOException;

    /**
     * Loads a generator written by {@link #save(Path)}, with the engine on the class path, onto the
     * engine's default device: the first GPU it sees, else the CPU (as {@link ComputeDevice#auto()}).
     *
     * @throws NullPointerException with the message {@code "file"} if {@code file} is null
     * @throws java.nio.file.NoSuchFileException if there is no such file, naming it
     * @throws java.nio.file.FileSystemException if the path is a directory, naming it
     * @throws IOException if the file cannot be read or is not a gan4j generator, naming it; for a bad
     *     {@code provenance.properties}, also the key that is missing or its unreadable value (so a
     *     hand-edited file is refused here, not at a later {@code save} or {@code exportOnnx})
     */
    static TrainedGan load(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        GanTrainerProvider engine = Engines.provider();
        GeneratorFile.Loaded loaded = GeneratorFile.read(file);
        try {
            return engine.generator(loaded.spec(), loaded.parameters(), loaded.provenance());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": weights do not fit the spec: " + e.getMessage(), e);
        }
    }

    /** Frees the native memory. */
    @Override
    void close();
}
