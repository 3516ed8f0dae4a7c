package dev.millrace.streams.errors;

/**
 * Raised when a state store is used while it cannot serve the call, for example after it was closed or before it
 * was initialised. Retrying after the store has been (re)opened may succeed.
 */
public class InvalidStateStoreException extends StreamsException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message the description, with {@code key=value} facts such as {@code store=counts}
     */
    public InvalidStateStoreException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message the description, with {@code key=value} facts
     * @param cause the underlying failure
     */
    public InvalidStateStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
