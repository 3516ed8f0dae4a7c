package dev.millrace.common.errors;

/**
 * The server hosts no such topic or partition.
 *
 * <p>Wire error {@code UNKNOWN_TOPIC_OR_PARTITION} (code 3). Retriable once the client has refreshed its metadata.
 */
public class UnknownTopicOrPartitionException extends InvalidMetadataException {
    private static final long serialVersionUID = 1L;

    public UnknownTopicOrPartitionException() {
        super();
    }

    public UnknownTopicOrPartitionException(String message) {
        super(message);
    }

    public UnknownTopicOrPartitionException(Throwable cause) {
        super(cause);
    }

    public UnknownTopicOrPartitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
