package dev.millrace.common.errors;

/**
 * The produce request's required acks value is not -1, 0 or 1.
 *
 * <p>Wire error {@code INVALID_REQUIRED_ACKS} (code 21). Not retriable.
 */
public class InvalidRequiredAcksException extends InvalidConfigurationException {
    private static final long serialVersionUID = 1L;

    public InvalidRequiredAcksException(String message) {
        super(message);
    }

    public InvalidRequiredAcksException(String message, Throwable cause) {
        super(message, cause);
    }
}
