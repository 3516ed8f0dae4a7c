package dev.millrace.streams.errors;

import dev.millrace.common.errors.MillraceException;

/**
 * Base class of the exceptions raised by stream processing and its state stores. Unchecked; the message carries
 * {@code key=value} facts about the failing store or operation.
 */
public class StreamsException extends MillraceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message the description, with {@code key=value} facts
     */
    public StreamsException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message the description, with {@code key=value} facts
     * @param cause the underlying failure
     */
    public StreamsException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates an exception that wraps a cause.
     *
     * @param cause the underlying failure
     */
    public StreamsException(Throwable cause) {
        super(cause);
    }
}
