package dev.millrace.common.errors;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The request names a topic that is invalid (bad characters, too long, empty) or that clients may
 * not write to.
 *
 * <p>Wire error {@code INVALID_TOPIC_EXCEPTION} (code 17). Not retriable. It may carry the invalid
 * topic names; that set is copied on construction and read-only afterwards, and empty when unknown.
 */
public class InvalidTopicException extends InvalidConfigurationException {
    private static final long serialVersionUID = 1L;

    /** A serializable type on purpose: exceptions are serializable and this travels with it. */
    private final LinkedHashSet<String> invalidTopics;

    public InvalidTopicException() {
        super();
        this.invalidTopics = new LinkedHashSet<>();
    }

    public InvalidTopicException(String message) {
        this(message, Set.of());
    }

    public InvalidTopicException(Throwable cause) {
        super(cause);
        this.invalidTopics = new LinkedHashSet<>();
    }

    public InvalidTopicException(String message, Throwable cause) {
        super(message, cause);
        this.invalidTopics = new LinkedHashSet<>();
    }

    /**
     * Creates the exception for the given invalid topics, with a message listing them.
     *
     * @param invalidTopics the topic names that were refused
     */
    public InvalidTopicException(Set<String> invalidTopics) {
        this("invalidTopics=" + invalidTopics, invalidTopics);
    }

    /**
     * Creates the exception for the given invalid topics.
     *
     * @param message what happened, as {@code key=value} facts
     * @param invalidTopics the topic names that were refused
     */
    public InvalidTopicException(String message, Set<String> invalidTopics) {
        super(message);
        this.invalidTopics = new LinkedHashSet<>(invalidTopics);
    }

    /** Returns the invalid topic names, read-only; empty when the exception was created without them. */
    public Set<String> invalidTopics() {
        return Collections.unmodifiableSet(invalidTopics);
    }
}
