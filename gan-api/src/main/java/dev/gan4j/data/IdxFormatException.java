package dev.gan4j.data;

import java.io.IOException;

/**
 * Thrown when a file can be read but does not hold what an IDX file (the format of MNIST) must:
 * a wrong magic number, a header that promises more or less data than the file has, or more pixels
 * than a Java array holds, an image file and a label file that disagree on the count, a label outside
 * 0..9, or, for a gzip file, a truncated or damaged gzip stream or bytes after it. The message names
 * the file, what was found and what was expected.
 *
 * <p>It is an {@link IOException}, so callers that handle unreadable files handle malformed ones
 * too; catch it separately to tell the two apart.
 */
public final class IdxFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the file
     */
    public IdxFormatException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the failure that revealed the problem, such as a corrupt gzip
     * stream.
     *
     * @param message what is wrong, naming the file
     * @param cause the underlying failure
     */
    public IdxFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
