package dev.gan4j.train;

/** An engine failure during training or generation, with where it happened in the message. */
public class GanException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says where the failure happened. */
    public GanException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Creates the exception with a message. */
    public GanException(String message) {
        super(message);
    }
}
