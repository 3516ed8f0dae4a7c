package dev.millrace.common.errors;

/**
 * The addressed broker is not available.
 *
 * <p>Wire error {@code BROKER_NOT_AVAILABLE} (code 8). Not retriable.
 */
public class BrokerNotAvailableException extends ApiException {
    private static final long serialVersionUID = 1L;

    public BrokerNotAvailableException(String message) {
        super(message);
    }

    public BrokerNotAvailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
