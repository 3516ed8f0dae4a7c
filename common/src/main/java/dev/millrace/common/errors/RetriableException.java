package dev.millrace.common.errors;

/** An error after which the same call may succeed when retried (for example after a metadata refresh). */
public abstract class RetriableException extends ApiException {
    private static final long serialVersionUID = 1L;

    protected RetriableException(String message) {
        super(message);
    }

    protected RetriableException(String message, Throwable cause) {
        super(message, cause);
    }

    protected RetriableException(Throwable cause) {
        super(cause);
    }

    protected RetriableException() {
        super();
    }
}
