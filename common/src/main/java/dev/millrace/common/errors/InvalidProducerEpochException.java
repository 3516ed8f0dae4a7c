package dev.millrace.common.errors;

/**
 * The producer epoch is older than the one the broker knows for this producer id.
 *
 * <p>Wire error {@code INVALID_PRODUCER_EPOCH} (code 47). Not retried by the client; the application recovers, for
 * example by rejoining the group or re-creating the producer.
 */
public class InvalidProducerEpochException extends ApplicationRecoverableException {
    private static final long serialVersionUID = 1L;

    public InvalidProducerEpochException(String message) {
        super(message);
    }

    public InvalidProducerEpochException(String message, Throwable cause) {
        super(message, cause);
    }
}
