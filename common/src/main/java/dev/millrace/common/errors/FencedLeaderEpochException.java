package dev.millrace.common.errors;

/**
 * The leader epoch in the request is older than the broker's.
 *
 * <p>Wire error {@code FENCED_LEADER_EPOCH} (code 74). Retriable once the client has refreshed its metadata.
 */
public class FencedLeaderEpochException extends InvalidMetadataException {
    private static final long serialVersionUID = 1L;

    public FencedLeaderEpochException(String message) {
        super(message);
    }

    public FencedLeaderEpochException(String message, Throwable cause) {
        super(message, cause);
    }
}
