package dev.millrace.common.errors;

/**
 * The delegation token does not exist.
 *
 * <p>Wire error {@code DELEGATION_TOKEN_NOT_FOUND} (code 62). Not retriable.
 */
public class DelegationTokenNotFoundException extends ApiException {
    private static final long serialVersionUID = 1L;

    public DelegationTokenNotFoundException(String message) {
        super(message);
    }

    public DelegationTokenNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
