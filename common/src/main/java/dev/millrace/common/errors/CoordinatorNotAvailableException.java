package dev.millrace.common.errors;

/**
 * No coordinator is available for the group or transactional id.
 *
 * <p>Wire error {@code COORDINATOR_NOT_AVAILABLE} (code 15). Retriable once the client has looked up the coordinator
 * again.
 */
public class CoordinatorNotAvailableException extends RefreshRetriableException {
    private static final long serialVersionUID = 1L;

    public CoordinatorNotAvailableException(String message) {
        super(message);
    }

    public CoordinatorNotAvailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
