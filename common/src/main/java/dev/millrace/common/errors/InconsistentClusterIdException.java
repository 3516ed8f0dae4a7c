package dev.millrace.common.errors;

/**
 * The cluster id in the request does not match the broker's.
 *
 * <p>Wire error {@code INCONSISTENT_CLUSTER_ID} (code 104). Not retriable.
 */
public class InconsistentClusterIdException extends ApiException {
    private static final long serialVersionUID = 1L;

    public InconsistentClusterIdException(String message) {
        super(message);
    }

    public InconsistentClusterIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
