package dev.millrace.common.errors;

/**
 * The client metrics subscription id is not valid or has changed.
 *
 * <p>Wire error {@code UNKNOWN_SUBSCRIPTION_ID} (code 117). Not retriable.
 */
public class UnknownSubscriptionIdException extends ApiException {
    private static final long serialVersionUID = 1L;

    public UnknownSubscriptionIdException(String message) {
        super(message);
    }

    public UnknownSubscriptionIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
