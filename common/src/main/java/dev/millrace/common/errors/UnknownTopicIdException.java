package dev.millrace.common.errors;

/**
 * The topic id is not known to the server.
 *
 * <p>Wire error {@code UNKNOWN_TOPIC_ID} (code 100). Retriable once the client has refreshed its metadata.
 */
public class UnknownTopicIdException extends InvalidMetadataException {
    private static final long serialVersionUID = 1L;

    public UnknownTopicIdException(String message) {
        super(message);
    }

    public UnknownTopicIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
