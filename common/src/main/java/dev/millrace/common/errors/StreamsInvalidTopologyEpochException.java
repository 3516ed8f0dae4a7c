package dev.millrace.common.errors;

/**
 * The streams topology epoch is not valid.
 *
 * <p>Wire error {@code STREAMS_INVALID_TOPOLOGY_EPOCH} (code 131). Not retriable.
 */
public class StreamsInvalidTopologyEpochException extends ApiException {
    private static final long serialVersionUID = 1L;

    public StreamsInvalidTopologyEpochException(String message) {
        super(message);
    }

    public StreamsInvalidTopologyEpochException(String message, Throwable cause) {
        super(message, cause);
    }
}
