package dev.millrace.common.errors;

/**
 * The requested fetch size is not acceptable.
 *
 * <p>Wire error {@code INVALID_FETCH_SIZE} (code 4). Not retriable.
 */
public class InvalidFetchSizeException extends ApiException {
    private static final long serialVersionUID = 1L;

    public InvalidFetchSizeException(String message) {
        super(message);
    }

    public InvalidFetchSizeException(String message, Throwable cause) {
        super(message, cause);
    }
}
