package dev.millrace.common.errors;

/**
 * The partition has no leader right now, typically during an election or right after creation.
 *
 * <p>Wire error {@code LEADER_NOT_AVAILABLE} (code 5). Retriable once the client has refreshed its metadata.
 */
public class LeaderNotAvailableException extends InvalidMetadataException {
    private static final long serialVersionUID = 1L;

    public LeaderNotAvailableException(String message) {
        super(message);
    }

    public LeaderNotAvailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
