package dev.millrace.common.errors;

/**
 * No partition reassignment is in progress.
 *
 * <p>Wire error {@code NO_REASSIGNMENT_IN_PROGRESS} (code 85). Not retriable.
 */
public class NoReassignmentInProgressException extends ApiException {
    private static final long serialVersionUID = 1L;

    public NoReassignmentInProgressException(String message) {
        super(message);
    }

    public NoReassignmentInProgressException(String message, Throwable cause) {
        super(message, cause);
    }
}
