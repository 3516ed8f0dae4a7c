package dev.millrace.common.errors;

/**
 * The leader epoch in the request is newer than the broker's.
 *
 * <p>Wire error {@code UNKNOWN_LEADER_EPOCH} (code 75). Retriable: the same request may succeed when sent again.
 */
public class UnknownLeaderEpochException extends RetriableException {
    private static final long serialVersionUID = 1L;

    public UnknownLeaderEpochException(String message) {
        super(message);
    }

    public UnknownLeaderEpochException(String message, Throwable cause) {
        super(message, cause);
    }
}
