package dev.gan4j.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A checkpoint file that is truncated or damaged: its message names the file and what is wrong and,
 * when resuming, the newest good checkpoint before it, if there is one.
 */
public class CorruptCheckpointException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The damaged file; not serialised with the exception. */
    private final transient Path file;

    /** The newest good checkpoint before it; not serialised with the exception. */
    private final transient Path previousGood;

    /**
     * Creates the exception.
     *
     * @param message names the file, says what is wrong and, if known, what to resume from instead
     * @param file the damaged checkpoint
     * @param previousGood the newest good checkpoint older than {@code file}, or {@code null} if none
     *     is known
     */
    public CorruptCheckpointException(String message, Path file, Path previousGood) {
        super(message);
        this.file = file;
        this.previousGood = previousGood;
    }

    /**
     * Returns the damaged checkpoint.
     *
     * @return the damaged checkpoint
     */
    public Path file() {
        return file;
    }

    /**
     * Returns the newest good checkpoint older than {@link #file()}, if one was found.
     *
     * @return the newest good checkpoint older than {@link #file()}, if one was found
     */
    public Optional<Path> previousGood() {
        return Optional.ofNullable(previousGood);
    }
}
