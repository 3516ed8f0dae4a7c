package dev.millrace.streams.errors;

/** STUB. */
public class TopologyException extends StreamsException {
    private static final long serialVersionUID = 1L;

    /** @param message m */
    public TopologyException(String message) {
        super("Invalid topology" + (message == null ? "" : ": " + message));
    }

    /**
     * @param message m
     * @param throwable t
     */
    public TopologyException(String message, Throwable throwable) {
        super("Invalid topology" + (message == null ? "" : ": " + message), throwable);
    }
}
