package dev.millrace.common.errors;

/**
 * The transaction coordinator that sent the request has been replaced by a newer one.
 *
 * <p>Wire error {@code TRANSACTION_COORDINATOR_FENCED} (code 52). Not retriable.
 */
public class TransactionCoordinatorFencedException extends ApiException {
    private static final long serialVersionUID = 1L;

    public TransactionCoordinatorFencedException(String message) {
        super(message);
    }

    public TransactionCoordinatorFencedException(String message, Throwable cause) {
        super(message, cause);
    }
}
