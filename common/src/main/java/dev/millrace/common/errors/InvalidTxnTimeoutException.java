package dev.millrace.common.errors;

/**
 * The transaction timeout exceeds transaction.max.timeout.ms on the broker.
 *
 * <p>Wire error {@code INVALID_TRANSACTION_TIMEOUT} (code 50). Not retriable.
 */
public class InvalidTxnTimeoutException extends ApiException {
    private static final long serialVersionUID = 1L;

    public InvalidTxnTimeoutException(String message) {
        super(message);
    }

    public InvalidTxnTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
