package dev.millrace.common.errors;

/**
 * The share session is not known to the broker.
 *
 * <p>Wire error {@code SHARE_SESSION_NOT_FOUND} (code 122). Retriable: the same request may succeed when sent again.
 */
public class ShareSessionNotFoundException extends RetriableException {
    private static final long serialVersionUID = 1L;

    public ShareSessionNotFoundException(String message) {
        super(message);
    }

    public ShareSessionNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
