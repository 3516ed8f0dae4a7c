package dev.millrace.common.errors;

/**
 * The broker holds no state for this producer id, typically because its records were deleted.
 *
 * <p>Wire error {@code UNKNOWN_PRODUCER_ID} (code 59). Not retriable.
 */
public class UnknownProducerIdException extends OutOfOrderSequenceException {
    private static final long serialVersionUID = 1L;

    public UnknownProducerIdException(String message) {
        super(message);
    }

    public UnknownProducerIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
