package dev.millrace.common.errors;

/**
 * The preferred leader was not available.
 *
 * <p>Wire error {@code PREFERRED_LEADER_NOT_AVAILABLE} (code 80). Retriable once the client has refreshed its
 * metadata.
 */
public class PreferredLeaderNotAvailableException extends InvalidMetadataException {
    private static final long serialVersionUID = 1L;

    public PreferredLeaderNotAvailableException(String message) {
        super(message);
    }

    public PreferredLeaderNotAvailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
