package dev.millrace.common.errors;

/**
 * Fewer in-sync replicas exist than the topic's min.insync.replicas, so the write was refused.
 *
 * <p>Wire error {@code NOT_ENOUGH_REPLICAS} (code 19). Retriable: the same request may succeed when sent again.
 */
public class NotEnoughReplicasException extends RetriableException {
    private static final long serialVersionUID = 1L;

    public NotEnoughReplicasException() {
        super();
    }

    public NotEnoughReplicasException(String message) {
        super(message);
    }

    public NotEnoughReplicasException(Throwable cause) {
        super(cause);
    }

    public NotEnoughReplicasException(String message, Throwable cause) {
        super(message, cause);
    }
}
