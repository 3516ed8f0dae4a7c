package dev.millrace.common.errors;

/**
 * The requested replica assignment is not valid.
 *
 * <p>Wire error {@code INVALID_REPLICA_ASSIGNMENT} (code 39). Not retriable.
 */
public class InvalidReplicaAssignmentException extends ApiException {
    private static final long serialVersionUID = 1L;

    public InvalidReplicaAssignmentException(String message) {
        super(message);
    }

    public InvalidReplicaAssignmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
