package dev.gan4j.train;

/** An engine failure during training or generation, with where it happened in the message. */
public class GanException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message that says where the failure happened.
     *
     * @param message what went wrong
     * @param cause the underlying exception, or {@code null}
     */
    public GanException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception with a message.
     *
     * @param message what went wrong
     */
    public GanException(String message) {
        super(message);
    }
}
