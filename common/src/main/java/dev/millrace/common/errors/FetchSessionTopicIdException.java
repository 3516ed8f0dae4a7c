package dev.millrace.common.errors;

/**
 * The fetch session changed its topic ids between requests.
 *
 * <p>Wire error {@code FETCH_SESSION_TOPIC_ID_ERROR} (code 106). Retriable: the same request may succeed when sent
 * again.
 */
public class FetchSessionTopicIdException extends RetriableException {
    private static final long serialVersionUID = 1L;

    public FetchSessionTopicIdException(String message) {
        super(message);
    }

    public FetchSessionTopicIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
