package dev.millrace.common.errors;

/**
 * The requested number of partitions is not valid.
 *
 * <p>Wire error {@code INVALID_PARTITIONS} (code 37). Not retriable.
 */
public class InvalidPartitionsException extends ApiException {
    private static final long serialVersionUID = 1L;

    public InvalidPartitionsException(String message) {
        super(message);
    }

    public InvalidPartitionsException(String message, Throwable cause) {
        super(message, cause);
    }
}
