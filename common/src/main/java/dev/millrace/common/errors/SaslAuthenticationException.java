package dev.millrace.common.errors;

/**
 * SASL authentication failed.
 *
 * <p>Wire error {@code SASL_AUTHENTICATION_FAILED} (code 58). Not retriable.
 */
public class SaslAuthenticationException extends AuthenticationException {
    private static final long serialVersionUID = 1L;

    public SaslAuthenticationException(String message) {
        super(message);
    }

    public SaslAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
