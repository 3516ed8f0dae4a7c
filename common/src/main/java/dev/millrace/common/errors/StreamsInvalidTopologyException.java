package dev.millrace.common.errors;

/**
 * The supplied streams topology is not valid.
 *
 * <p>Wire error {@code STREAMS_INVALID_TOPOLOGY} (code 130). Not retriable.
 */
public class StreamsInvalidTopologyException extends ApiException {
    private static final long serialVersionUID = 1L;

    public StreamsInvalidTopologyException(String message) {
        super(message);
    }

    public StreamsInvalidTopologyException(String message, Throwable cause) {
        super(message, cause);
    }
}
