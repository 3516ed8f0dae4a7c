package dev.millrace.common.errors;

/**
 * Authentication with the broker failed; sending the same credentials again fails again.
 *
 * <p>Has no wire error code of its own. Not retriable.
 */
public class AuthenticationException extends InvalidConfigurationException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(message);
    }

    public AuthenticationException(Throwable cause) {
        super(cause);
    }

    public AuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
