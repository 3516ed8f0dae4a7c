package dev.millrace.streams.errors;

/**
 * Thrown when a topology or one of its building blocks is invalid: an illegal processor or store name, a missing
 * parent, an unusable print target. Mirrors Kafka's {@code TopologyException}: every message written through the
 * message constructors starts with {@code "Invalid topology"}, followed by {@code ": "} and the detail when one is
 * given. Raised while the topology is being built, on the building thread.
 */
public class TopologyException extends StreamsException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception whose message is {@code "Invalid topology: " + message}.
     *
     * @param message the detail, or null for the bare prefix
     */
    public TopologyException(String message) {
        super(prefixed(message));
    }

    /**
     * Creates an exception whose message is {@code "Invalid topology: " + message}, with a cause.
     *
     * @param message the detail, or null for the bare prefix
     * @param throwable the cause
     */
    public TopologyException(String message, Throwable throwable) {
        super(prefixed(message), throwable);
    }

    /**
     * Creates an exception that wraps a cause; the message is the cause's.
     *
     * @param throwable the cause
     */
    public TopologyException(Throwable throwable) {
        super(throwable);
    }

    private static String prefixed(String message) {
        return "Invalid topology" + (message == null ? "" : ": " + message);
    }
}
