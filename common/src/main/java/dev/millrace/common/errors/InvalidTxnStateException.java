package dev.millrace.common.errors;

/**
 * The operation is not allowed in the current state of the transaction.
 *
 * <p>Wire error {@code INVALID_TXN_STATE} (code 48). Not retriable.
 */
public class InvalidTxnStateException extends ApiException {
    private static final long serialVersionUID = 1L;

    public InvalidTxnStateException(String message) {
        super(message);
    }

    public InvalidTxnStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
