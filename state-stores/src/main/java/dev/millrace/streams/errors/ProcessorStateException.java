package dev.millrace.streams.errors;

/**
 * Raised when a state store fails to read, write, open, flush or restore its state, for example on an I/O or
 * storage-engine error.
 */
public class ProcessorStateException extends StreamsException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message the description, with {@code key=value} facts such as {@code store=counts}
     */
    public ProcessorStateException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message the description, with {@code key=value} facts
     * @param cause the underlying failure
     */
    public ProcessorStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
