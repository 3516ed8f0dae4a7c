package dev.millrace.common.errors;

/**
 * The coordinator is still loading its state and cannot serve the request yet.
 *
 * <p>Wire error {@code COORDINATOR_LOAD_IN_PROGRESS} (code 14). Retriable: the same request may succeed when sent
 * again.
 */
public class CoordinatorLoadInProgressException extends RetriableException {
    private static final long serialVersionUID = 1L;

    public CoordinatorLoadInProgressException(String message) {
        super(message);
    }

    public CoordinatorLoadInProgressException(String message, Throwable cause) {
        super(message, cause);
    }
}
