package dev.millrace.common.errors;

/**
 * The group is still subscribed to the topic, so its offsets cannot be deleted.
 *
 * <p>Wire error {@code GROUP_SUBSCRIBED_TO_TOPIC} (code 86). Not retriable.
 */
public class GroupSubscribedToTopicException extends ApiException {
    private static final long serialVersionUID = 1L;

    public GroupSubscribedToTopicException(String message) {
        super(message);
    }

    public GroupSubscribedToTopicException(String message, Throwable cause) {
        super(message, cause);
    }
}
