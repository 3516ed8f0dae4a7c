package dev.millrace.common.errors;

/**
 * The SASL request is not valid in the current state of the authentication exchange.
 *
 * <p>Wire error {@code ILLEGAL_SASL_STATE} (code 34). Not retriable.
 */
public class IllegalSaslStateException extends AuthenticationException {
    private static final long serialVersionUID = 1L;

    public IllegalSaslStateException(String message) {
        super(message);
    }

    public IllegalSaslStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
