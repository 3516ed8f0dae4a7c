package dev.millrace.common.errors;

/**
 * The transactional id does not exist.
 *
 * <p>Wire error {@code TRANSACTIONAL_ID_NOT_FOUND} (code 105). Not retriable.
 */
public class TransactionalIdNotFoundException extends ApiException {
    private static final long serialVersionUID = 1L;

    public TransactionalIdNotFoundException(String message) {
        super(message);
    }

    public TransactionalIdNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
