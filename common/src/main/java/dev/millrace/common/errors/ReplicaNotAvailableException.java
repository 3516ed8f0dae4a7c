package dev.millrace.common.errors;

/**
 * The replica is not available for the requested partition.
 *
 * <p>Wire error {@code REPLICA_NOT_AVAILABLE} (code 9). Retriable once the client has refreshed its metadata.
 */
public class ReplicaNotAvailableException extends InvalidMetadataException {
    private static final long serialVersionUID = 1L;

    public ReplicaNotAvailableException(String message) {
        super(message);
    }

    public ReplicaNotAvailableException(Throwable cause) {
        super(cause);
    }

    public ReplicaNotAvailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
