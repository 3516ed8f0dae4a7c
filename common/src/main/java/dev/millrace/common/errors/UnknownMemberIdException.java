package dev.millrace.common.errors;

/**
 * The member id is not known to the group coordinator.
 *
 * <p>Wire error {@code UNKNOWN_MEMBER_ID} (code 25). Not retried by the client; the application recovers, for example
 * by rejoining the group or re-creating the producer.
 */
public class UnknownMemberIdException extends ApplicationRecoverableException {
    private static final long serialVersionUID = 1L;

    public UnknownMemberIdException() {
        super();
    }

    public UnknownMemberIdException(String message) {
        super(message);
    }

    public UnknownMemberIdException(Throwable cause) {
        super(cause);
    }

    public UnknownMemberIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
