package dev.millrace.common.errors;

/**
 * The principal is not authorized for this cluster-level operation.
 *
 * <p>Wire error {@code CLUSTER_AUTHORIZATION_FAILED} (code 31). Not retriable.
 */
public class ClusterAuthorizationException extends AuthorizationException {
    private static final long serialVersionUID = 1L;

    public ClusterAuthorizationException(String message) {
        super(message);
    }

    public ClusterAuthorizationException(String message, Throwable cause) {
        super(message, cause);
    }
}
