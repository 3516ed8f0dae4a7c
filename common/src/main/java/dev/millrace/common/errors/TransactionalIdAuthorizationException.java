package dev.millrace.common.errors;

/**
 * The principal is not authorized to use the transactional id.
 *
 * <p>Wire error {@code TRANSACTIONAL_ID_AUTHORIZATION_FAILED} (code 53). Not retriable.
 */
public class TransactionalIdAuthorizationException extends AuthorizationException {
    private static final long serialVersionUID = 1L;

    public TransactionalIdAuthorizationException(String message) {
        super(message);
    }

    public TransactionalIdAuthorizationException(String message, Throwable cause) {
        super(message, cause);
    }
}
