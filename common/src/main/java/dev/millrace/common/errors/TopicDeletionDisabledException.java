package dev.millrace.common.errors;

/**
 * Topic deletion is disabled on the server.
 *
 * <p>Wire error {@code TOPIC_DELETION_DISABLED} (code 73). Not retriable.
 */
public class TopicDeletionDisabledException extends ApiException {
    private static final long serialVersionUID = 1L;

    public TopicDeletionDisabledException() {
        super();
    }

    public TopicDeletionDisabledException(String message) {
        super(message);
    }

    public TopicDeletionDisabledException(String message, Throwable cause) {
        super(message, cause);
    }
}
