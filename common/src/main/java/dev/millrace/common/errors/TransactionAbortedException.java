package dev.millrace.common.errors;

/**
 * A record could not be sent because the transaction it belonged to was aborted.
 *
 * <p>Has no wire error code of its own. Not retriable.
 */
public class TransactionAbortedException extends ApiException {
    private static final long serialVersionUID = 1L;

    public TransactionAbortedException() {
        super();
    }

    public TransactionAbortedException(String message) {
        super(message);
    }

    public TransactionAbortedException(String message, Throwable cause) {
        super(message, cause);
    }
}
