package dev.millrace.common.errors;

/**
 * A topic with this name already exists.
 *
 * <p>Wire error {@code TOPIC_ALREADY_EXISTS} (code 36). Not retriable.
 */
public class TopicExistsException extends ApiException {
    private static final long serialVersionUID = 1L;

    public TopicExistsException(String message) {
        super(message);
    }

    public TopicExistsException(String message, Throwable cause) {
        super(message, cause);
    }
}
