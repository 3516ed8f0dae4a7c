package dev.millrace.common.errors;

/**
 * The broker received a producer sequence number out of order.
 *
 * <p>Wire error {@code OUT_OF_ORDER_SEQUENCE_NUMBER} (code 45). Not retriable.
 */
public class OutOfOrderSequenceException extends ApiException {
    private static final long serialVersionUID = 1L;

    public OutOfOrderSequenceException(String message) {
        super(message);
    }

    public OutOfOrderSequenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
