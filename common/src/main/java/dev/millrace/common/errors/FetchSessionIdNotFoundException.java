package dev.millrace.common.errors;

/**
 * The fetch session id is not known to the broker.
 *
 * <p>Wire error {@code FETCH_SESSION_ID_NOT_FOUND} (code 70). Retriable: the same request may succeed when sent
 * again.
 */
public class FetchSessionIdNotFoundException extends RetriableException {
    private static final long serialVersionUID = 1L;

    public FetchSessionIdNotFoundException() {
        super();
    }

    public FetchSessionIdNotFoundException(String message) {
        super(message);
    }

    public FetchSessionIdNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
