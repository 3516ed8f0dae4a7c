package dev.millrace.common.errors;

/**
 * The controller rejected the broker registration.
 *
 * <p>Wire error {@code INVALID_REGISTRATION} (code 119). Not retriable.
 */
public class InvalidRegistrationException extends ApiException {
    private static final long serialVersionUID = 1L;

    public InvalidRegistrationException(String message) {
        super(message);
    }

    public InvalidRegistrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
