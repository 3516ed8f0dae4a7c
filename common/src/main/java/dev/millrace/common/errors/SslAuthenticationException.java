package dev.millrace.common.errors;

/**
 * The TLS handshake failed, for example because the peer certificate was not trusted.
 *
 * <p>Has no wire error code of its own. Not retriable.
 */
public class SslAuthenticationException extends AuthenticationException {
    private static final long serialVersionUID = 1L;

    public SslAuthenticationException(String message) {
        super(message);
    }

    public SslAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
