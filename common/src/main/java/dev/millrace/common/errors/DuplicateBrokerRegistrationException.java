package dev.millrace.common.errors;

/**
 * A broker with this id is already registered.
 *
 * <p>Wire error {@code DUPLICATE_BROKER_REGISTRATION} (code 101). Not retriable.
 */
public class DuplicateBrokerRegistrationException extends ApiException {
    private static final long serialVersionUID = 1L;

    public DuplicateBrokerRegistrationException(String message) {
        super(message);
    }

    public DuplicateBrokerRegistrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
