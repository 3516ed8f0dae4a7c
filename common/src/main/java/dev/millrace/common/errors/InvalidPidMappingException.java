package dev.millrace.common.errors;

/**
 * The producer id is not the one currently mapped to the transactional id.
 *
 * <p>Wire error {@code INVALID_PRODUCER_ID_MAPPING} (code 49). Not retried by the client; the application recovers,
 * for example by rejoining the group or re-creating the producer.
 */
public class InvalidPidMappingException extends ApplicationRecoverableException {
    private static final long serialVersionUID = 1L;

    public InvalidPidMappingException(String message) {
        super(message);
    }

    public InvalidPidMappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
