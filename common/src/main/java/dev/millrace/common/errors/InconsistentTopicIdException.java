package dev.millrace.common.errors;

/**
 * The topic id in the request does not match the topic id in the log.
 *
 * <p>Wire error {@code INCONSISTENT_TOPIC_ID} (code 103). Retriable once the client has refreshed its metadata.
 */
public class InconsistentTopicIdException extends InvalidMetadataException {
    private static final long serialVersionUID = 1L;

    public InconsistentTopicIdException(String message) {
        super(message);
    }

    public InconsistentTopicIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
