package dev.millrace.common.errors;

/**
 * Base of the retriable errors after which the client has to refresh what it knows about the cluster (metadata,
 * coordinator) before retrying.
 *
 * <p>Has no wire error code of its own. Retriable after that refresh.
 */
public abstract class RefreshRetriableException extends RetriableException {
    private static final long serialVersionUID = 1L;

    protected RefreshRetriableException() {
        super();
    }

    protected RefreshRetriableException(String message) {
        super(message);
    }

    protected RefreshRetriableException(Throwable cause) {
        super(cause);
    }

    protected RefreshRetriableException(String message, Throwable cause) {
        super(message, cause);
    }
}
