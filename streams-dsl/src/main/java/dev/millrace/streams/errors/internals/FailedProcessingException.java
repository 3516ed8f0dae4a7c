package dev.millrace.streams.errors.internals;

import dev.millrace.streams.errors.StreamsException;

/**
 * Wraps an exception thrown by a processor (after the processing exception handler chose to fail) and names the
 * processor node it came from, so that outer processors do not handle it a second time; mirrors Kafka's internal
 * {@code FailedProcessingException}.
 */
public class FailedProcessingException extends StreamsException {

    private static final long serialVersionUID = 1L;

    private final String failedProcessorNodeName;

    /**
     * Creates an exception with a message.
     *
     * @param errorMessage the message
     * @param failedProcessorNodeName the failing processor node
     * @param exception the cause
     */
    public FailedProcessingException(String errorMessage, String failedProcessorNodeName, Exception exception) {
        super(errorMessage, exception);
        this.failedProcessorNodeName = failedProcessorNodeName;
    }

    /**
     * Creates an exception without a message of its own (the message stays null, as in Kafka).
     *
     * @param failedProcessorNodeName the failing processor node
     * @param exception the cause
     */
    public FailedProcessingException(String failedProcessorNodeName, Exception exception) {
        super(null, exception);
        this.failedProcessorNodeName = failedProcessorNodeName;
    }

    /** @return the name of the processor node whose processing failed */
    public String failedProcessorNodeName() {
        return failedProcessorNodeName;
    }
}
