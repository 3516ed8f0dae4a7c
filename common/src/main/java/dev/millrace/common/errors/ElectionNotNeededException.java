package dev.millrace.common.errors;

/**
 * The partition needs no leader election, for example because the preferred replica already leads.
 *
 * <p>Wire error {@code ELECTION_NOT_NEEDED} (code 84). Retriable once the client has refreshed its metadata.
 */
public class ElectionNotNeededException extends InvalidMetadataException {
    private static final long serialVersionUID = 1L;

    public ElectionNotNeededException(String message) {
        super(message);
    }

    public ElectionNotNeededException(String message, Throwable cause) {
        super(message, cause);
    }
}
