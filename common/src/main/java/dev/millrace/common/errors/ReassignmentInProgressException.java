package dev.millrace.common.errors;

/**
 * A partition reassignment is in progress.
 *
 * <p>Wire error {@code REASSIGNMENT_IN_PROGRESS} (code 60). Not retriable.
 */
public class ReassignmentInProgressException extends ApiException {
    private static final long serialVersionUID = 1L;

    public ReassignmentInProgressException(String message) {
        super(message);
    }

    public ReassignmentInProgressException(String message, Throwable cause) {
        super(message, cause);
    }
}
