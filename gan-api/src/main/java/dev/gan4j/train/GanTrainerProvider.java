package dev.gan4j.train;

import java.io.IOException;
import java.nio.file.Path;

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
}
