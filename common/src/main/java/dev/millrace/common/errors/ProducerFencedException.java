package dev.millrace.common.errors;

/**
 * A newer producer with the same transactional id has fenced this one.
 *
 * <p>Wire error {@code PRODUCER_FENCED} (code 90). Not retried by the client; the application recovers, for example
 * by rejoining the group or re-creating the producer.
 */
public class ProducerFencedException extends ApplicationRecoverableException {
    private static final long serialVersionUID = 1L;

    public ProducerFencedException(String message) {
        super(message);
    }

    public ProducerFencedException(String message, Throwable cause) {
        super(message, cause);
    }
}
