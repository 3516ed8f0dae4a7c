package dev.millrace.common.errors;

/**
 * Security features are disabled on the broker.
 *
 * <p>Wire error {@code SECURITY_DISABLED} (code 54). Not retriable.
 */
public class SecurityDisabledException extends ApiException {
    private static final long serialVersionUID = 1L;

    public SecurityDisabledException(String message) {
        super(message);
    }

    public SecurityDisabledException(String message, Throwable cause) {
        super(message, cause);
    }
}
