package dev.millrace.common.errors;

/**
 * A record timestamp is outside the range the topic accepts.
 *
 * <p>Wire error {@code INVALID_TIMESTAMP} (code 32). Not retriable.
 */
public class InvalidTimestampException extends ApiException {
    private static final long serialVersionUID = 1L;

    public InvalidTimestampException(String message) {
        super(message);
    }

    public InvalidTimestampException(String message, Throwable cause) {
        super(message, cause);
    }
}
