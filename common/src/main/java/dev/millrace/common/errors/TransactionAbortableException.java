package dev.millrace.common.errors;

/**
 * The server hit an error that requires the client to abort the transaction.
 *
 * <p>Wire error {@code TRANSACTION_ABORTABLE} (code 120). Not retriable.
 */
public class TransactionAbortableException extends ApiException {
    private static final long serialVersionUID = 1L;

    public TransactionAbortableException(String message) {
        super(message);
    }

    public TransactionAbortableException(String message, Throwable cause) {
        super(message, cause);
    }
}
