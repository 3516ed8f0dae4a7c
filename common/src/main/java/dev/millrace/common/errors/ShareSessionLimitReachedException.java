package dev.millrace.common.errors;

/**
 * The share session cache is full, so no new share session can be created.
 *
 * <p>Wire error {@code SHARE_SESSION_LIMIT_REACHED} (code 133). Retriable: the same request may succeed when sent
 * again.
 */
public class ShareSessionLimitReachedException extends RetriableException {
    private static final long serialVersionUID = 1L;

    public ShareSessionLimitReachedException(String message) {
        super(message);
    }

    public ShareSessionLimitReachedException(String message, Throwable cause) {
        super(message, cause);
    }
}
