package dev.millrace.common.errors;

/**
 * The fetch session epoch does not match the broker's.
 *
 * <p>Wire error {@code INVALID_FETCH_SESSION_EPOCH} (code 71). Retriable: the same request may succeed when sent
 * again.
 */
public class InvalidFetchSessionEpochException extends RetriableException {
    private static final long serialVersionUID = 1L;

    public InvalidFetchSessionEpochException() {
        super();
    }

    public InvalidFetchSessionEpochException(String message) {
        super(message);
    }

    public InvalidFetchSessionEpochException(String message, Throwable cause) {
        super(message, cause);
    }
}
