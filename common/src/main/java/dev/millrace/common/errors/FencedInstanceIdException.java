package dev.millrace.common.errors;

/**
 * Another member with the same group.instance.id has fenced this one.
 *
 * <p>Wire error {@code FENCED_INSTANCE_ID} (code 82). Not retried by the client; the application recovers, for
 * example by rejoining the group or re-creating the producer.
 */
public class FencedInstanceIdException extends ApplicationRecoverableException {
    private static final long serialVersionUID = 1L;

    public FencedInstanceIdException(String message) {
        super(message);
    }

    public FencedInstanceIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
