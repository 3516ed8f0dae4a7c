package dev.millrace.common.errors;

/**
 * The principal is not authorized for the delegation token request.
 *
 * <p>Wire error {@code DELEGATION_TOKEN_AUTHORIZATION_FAILED} (code 65). Not retriable.
 */
public class DelegationTokenAuthorizationException extends AuthorizationException {
    private static final long serialVersionUID = 1L;

    public DelegationTokenAuthorizationException(String message) {
        super(message);
    }

    public DelegationTokenAuthorizationException(String message, Throwable cause) {
        super(message, cause);
    }
}
