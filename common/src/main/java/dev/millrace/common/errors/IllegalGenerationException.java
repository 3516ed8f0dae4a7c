package dev.millrace.common.errors;

/**
 * The generation id in the request is not the group's current generation.
 *
 * <p>Wire error {@code ILLEGAL_GENERATION} (code 22). Not retried by the client; the application recovers, for
 * example by rejoining the group or re-creating the producer.
 */
public class IllegalGenerationException extends ApplicationRecoverableException {
    private static final long serialVersionUID = 1L;

    public IllegalGenerationException() {
        super();
    }

    public IllegalGenerationException(String message) {
        super(message);
    }

    public IllegalGenerationException(Throwable cause) {
        super(cause);
    }

    public IllegalGenerationException(String message, Throwable cause) {
        super(message, cause);
    }
}
