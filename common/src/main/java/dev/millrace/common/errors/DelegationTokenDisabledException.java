package dev.millrace.common.errors;

/**
 * Delegation tokens are disabled on the broker.
 *
 * <p>Wire error {@code DELEGATION_TOKEN_AUTH_DISABLED} (code 61). Not retriable.
 */
public class DelegationTokenDisabledException extends ApiException {
    private static final long serialVersionUID = 1L;

    public DelegationTokenDisabledException(String message) {
        super(message);
    }

    public DelegationTokenDisabledException(String message, Throwable cause) {
        super(message, cause);
    }
}
