package dev.millrace.common.errors;

/**
 * The connection closed while the request was in flight; the request may be sent again on a new connection.
 *
 * <p>Has no wire error code of its own. Retriable: the same request may succeed when sent again.
 */
public class DisconnectException extends RetriableException {
    private static final long serialVersionUID = 1L;

    public DisconnectException() {
        super();
    }

    public DisconnectException(String message) {
        super(message);
    }

    public DisconnectException(Throwable cause) {
        super(cause);
    }

    public DisconnectException(String message, Throwable cause) {
        super(message, cause);
    }
}
