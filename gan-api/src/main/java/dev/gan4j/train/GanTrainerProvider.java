package dev.gan4j.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The service an engine module provides, found with {@link java.util.ServiceLoader}. Providers must be
 * cheap to construct: load native libraries on first real use, not in the constructor.
 */
public interface GanTrainerProvider {

    /** Returns the engine's short name, e.g. {@code djl}, as matched by {@code -Dgan4j.engine}. */
    String name();

    /** Returns a trainer for validated settings. */
    GanTrainer create(GanConfig config);

    /** Loads a generator saved by {@link TrainedGan#save(Path)}. */
    TrainedGan load(Path file) throws IOException;

    /**
     * Reads a checkpoint and returns a trainer that continues its run; see {@link ResumeBuilder}.
     *
     * @param path a checkpoint file, or a directory whose newest checkpoint is meant
     * @param skipCorrupt whether to fall back to the newest good checkpoint before a bad one
     * @param overrides applied to a builder holding the checkpoint's settings (listeners, epochs...)
     * @throws IOException if no checkpoint can be read; {@link CorruptCheckpointException} if damaged
     */
    default GanTrainer resume(Path path, boolean skipCorrupt, Consumer<GanTrainer.Builder> overrides)
            throws IOException {
        throw new UnsupportedOperationException("the " + name() + " engine cannot resume from checkpoints");
    }
}
