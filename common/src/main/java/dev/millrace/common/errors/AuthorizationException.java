package dev.millrace.common.errors;

/**
 * The principal lacks a permission the operation needs; subclasses name the kind of resource.
 *
 * <p>Has no wire error code of its own. Not retriable.
 */
public class AuthorizationException extends InvalidConfigurationException {
    private static final long serialVersionUID = 1L;

    public AuthorizationException(String message) {
        super(message);
    }

    public AuthorizationException(String message, Throwable cause) {
        super(message, cause);
    }
}
