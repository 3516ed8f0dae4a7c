package dev.millrace.common.errors;

/**
 * The request did not complete within its deadline.
 *
 * <p>Wire error {@code REQUEST_TIMED_OUT} (code 7). Retriable: the same request may succeed when sent again.
 */
public class TimeoutException extends RetriableException {
    private static final long serialVersionUID = 1L;

    public TimeoutException() {
        super();
    }

    public TimeoutException(String message) {
        super(message);
    }

    public TimeoutException(Throwable cause) {
        super(cause);
    }

    public TimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
