package dev.millrace.common.errors;

/**
 * A blocking consumer call was abandoned because another thread asked the consumer to wake up.
 *
 * <p>Has no wire error code; raised inside the client.
 */
public class WakeupException extends MillraceException {
    private static final long serialVersionUID = 1L;

    public WakeupException() {
        super();
    }

    public WakeupException(String message) {
        super(message);
    }

    public WakeupException(String message, Throwable cause) {
        super(message, cause);
    }
}
