package dev.millrace.common.errors;

/**
 * The server does not enable the requested SASL mechanism.
 *
 * <p>Wire error {@code UNSUPPORTED_SASL_MECHANISM} (code 33). Not retriable.
 */
public class UnsupportedSaslMechanismException extends AuthenticationException {
    private static final long serialVersionUID = 1L;

    public UnsupportedSaslMechanismException(String message) {
        super(message);
    }

    public UnsupportedSaslMechanismException(String message, Throwable cause) {
        super(message, cause);
    }
}
