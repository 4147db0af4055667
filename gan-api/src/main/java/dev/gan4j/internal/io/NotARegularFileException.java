package dev.gan4j.internal.io;

import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * Thrown by {@link AtomicFiles#write} for a target it will not replace: a directory, a FIFO, device
 * or socket, or a symbolic link loop; and by {@link GeneratorFile#read} for a directory. {@link
 * #getFile()} is the path given; the message names it and what it is, as one sentence.
 */
final class NotARegularFileException extends FileSystemException {

    private static final long serialVersionUID = 1L;

    NotARegularFileException(Path file, String sentence) {
        super(file.toString(), null, sentence);
    }

    /** The sentence alone: it already names the file, so the JDK's {@code "file: reason"} would repeat it. */
    @Override
    public String getMessage() {
        return getReason();
    }
}
