package dev.millrace.common.errors;

/**
 * The broker that received the request is neither the leader nor a follower of the partition.
 *
 * <p>Wire error {@code NOT_LEADER_OR_FOLLOWER} (code 6). Retriable once the client has refreshed its metadata.
 */
public class NotLeaderOrFollowerException extends InvalidMetadataException {
    private static final long serialVersionUID = 1L;

    public NotLeaderOrFollowerException() {
        super();
    }

    public NotLeaderOrFollowerException(String message) {
        super(message);
    }

    public NotLeaderOrFollowerException(Throwable cause) {
        super(cause);
    }

    public NotLeaderOrFollowerException(String message, Throwable cause) {
        super(message, cause);
    }
}
