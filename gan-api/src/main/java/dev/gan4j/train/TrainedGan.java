package dev.gan4j.train;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The result of {@link GanTrainer#train}: the trained generator, with its provenance. Holds native
 * memory until closed; {@code close()} may be called more than once.
 */
public interface TrainedGan extends Generator, AutoCloseable {

    /** Returns where this generator came from. */
    Provenance provenance();

    /**
     * Saves the generator's spec, weights (BatchNorm statistics included) and provenance to one file,
     * written atomically: a crash leaves either the old file or the new one.
     *
     * @throws IOException if the file cannot be written
     */
    void save(Path file) throws IOException;

    /**
     * Loads a generator written by {@link #save(Path)}, with the engine on the class path.
     *
     * @throws IOException if the file cannot be read or is not a gan4j generator
     */
    static TrainedGan load(Path file) throws IOException {
        return Engines.provider().load(file);
    }

    /** Frees the native memory. */
    @Override
    void close();
}
