package dev.millrace.common.errors;

/**
 * Base of the errors the application recovers from by its own action, such as rejoining the group or re-creating the
 * producer.
 *
 * <p>Has no wire error code of its own. Not retried by the client itself.
 */
public abstract class ApplicationRecoverableException extends ApiException {
    private static final long serialVersionUID = 1L;

    protected ApplicationRecoverableException() {
        super();
    }

    protected ApplicationRecoverableException(String message) {
        super(message);
    }

    protected ApplicationRecoverableException(Throwable cause) {
        super(cause);
    }

    protected ApplicationRecoverableException(String message, Throwable cause) {
        super(message, cause);
    }
}
