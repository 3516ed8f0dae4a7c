package dev.millrace.common.errors;

/**
 * The delegation token has expired.
 *
 * <p>Wire error {@code DELEGATION_TOKEN_EXPIRED} (code 66). Not retriable.
 */
public class DelegationTokenExpiredException extends ApiException {
    private static final long serialVersionUID = 1L;

    public DelegationTokenExpiredException(String message) {
        super(message);
    }

    public DelegationTokenExpiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
