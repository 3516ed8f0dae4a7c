package dev.millrace.common.errors;

/**
 * The supplied streams topology epoch does not match the group's current one.
 *
 * <p>Wire error {@code STREAMS_TOPOLOGY_FENCED} (code 132). Not retriable.
 */
public class StreamsTopologyFencedException extends ApiException {
    private static final long serialVersionUID = 1L;

    public StreamsTopologyFencedException(String message) {
        super(message);
    }

    public StreamsTopologyFencedException(String message, Throwable cause) {
        super(message, cause);
    }
}
