package dev.millrace.common.errors;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The principal is not authorized to access one or more topics.
 *
 * <p>Wire error {@code TOPIC_AUTHORIZATION_FAILED} (code 29). Not retriable. It may carry the names
 * of the refused topics; that set is copied on construction and read-only afterwards, and empty when
 * unknown.
 */
public class TopicAuthorizationException extends AuthorizationException {
    private static final long serialVersionUID = 1L;

    /** A serializable type on purpose: exceptions are serializable and this travels with it. */
    private final LinkedHashSet<String> unauthorizedTopics;

    public TopicAuthorizationException(String message) {
        this(message, Set.of());
    }

    public TopicAuthorizationException(String message, Throwable cause) {
        super(message, cause);
        this.unauthorizedTopics = new LinkedHashSet<>();
    }

    /**
     * Creates the exception for the given topics, with a message listing them.
     *
     * @param unauthorizedTopics the topic names the principal may not access
     */
    public TopicAuthorizationException(Set<String> unauthorizedTopics) {
        this("notAuthorizedForTopics=" + unauthorizedTopics, unauthorizedTopics);
    }

    /**
     * Creates the exception for the given topics.
     *
     * @param message what happened, as {@code key=value} facts
     * @param unauthorizedTopics the topic names the principal may not access
     */
    public TopicAuthorizationException(String message, Set<String> unauthorizedTopics) {
        super(message);
        this.unauthorizedTopics = new LinkedHashSet<>(unauthorizedTopics);
    }

    /** Returns the refused topic names, read-only; empty when the exception was created without them. */
    public Set<String> unauthorizedTopics() {
        return Collections.unmodifiableSet(unauthorizedTopics);
    }
}
