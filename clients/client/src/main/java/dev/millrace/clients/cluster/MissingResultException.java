package dev.millrace.clients.cluster;

import dev.millrace.common.errors.MillraceException;

/**
 * A broker's response did not mention a resource (topic, partition, config resource) that the
 * request asked about: a broker bug or a protocol mismatch, never a normal outcome.
 */
public class MissingResultException extends MillraceException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with {@code key=value} facts. */
    public MissingResultException(String message) {
        super(message);
    }
}
