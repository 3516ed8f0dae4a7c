package dev.millrace.common.errors;

/**
 * The share session epoch is not valid.
 *
 * <p>Wire error {@code INVALID_SHARE_SESSION_EPOCH} (code 123). Retriable: the same request may succeed when sent
 * again.
 */
public class InvalidShareSessionEpochException extends RetriableException {
    private static final long serialVersionUID = 1L;

    public InvalidShareSessionEpochException(String message) {
        super(message);
    }

    public InvalidShareSessionEpochException(String message, Throwable cause) {
        super(message, cause);
    }
}
