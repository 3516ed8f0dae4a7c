package dev.millrace.common.errors;

/**
 * The broker that received the request is not the coordinator for the group or transactional id.
 *
 * <p>Wire error {@code NOT_COORDINATOR} (code 16). Retriable once the client has looked up the coordinator again.
 */
public class NotCoordinatorException extends RefreshRetriableException {
    private static final long serialVersionUID = 1L;

    public NotCoordinatorException(String message) {
        super(message);
    }

    public NotCoordinatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
