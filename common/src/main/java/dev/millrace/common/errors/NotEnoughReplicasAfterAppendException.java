package dev.millrace.common.errors;

/**
 * The write was appended on the leader but fewer than min.insync.replicas acknowledged it.
 *
 * <p>Wire error {@code NOT_ENOUGH_REPLICAS_AFTER_APPEND} (code 20). Retriable: the same request may succeed when sent
 * again.
 */
public class NotEnoughReplicasAfterAppendException extends RetriableException {
    private static final long serialVersionUID = 1L;

    public NotEnoughReplicasAfterAppendException(String message) {
        super(message);
    }

    public NotEnoughReplicasAfterAppendException(String message, Throwable cause) {
        super(message, cause);
    }
}
