package dev.millrace.common.errors;

/**
 * Delegation token requests are not allowed on this connection's authentication method.
 *
 * <p>Wire error {@code DELEGATION_TOKEN_REQUEST_NOT_ALLOWED} (code 64). Not retriable.
 */
public class UnsupportedByAuthenticationException extends ApiException {
    private static final long serialVersionUID = 1L;

    public UnsupportedByAuthenticationException(String message) {
        super(message);
    }

    public UnsupportedByAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
