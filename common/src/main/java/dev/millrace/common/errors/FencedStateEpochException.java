package dev.millrace.common.errors;

/**
 * The share coordinator state epoch is fenced.
 *
 * <p>Wire error {@code FENCED_STATE_EPOCH} (code 124). Not retriable.
 */
public class FencedStateEpochException extends ApiException {
    private static final long serialVersionUID = 1L;

    public FencedStateEpochException(String message) {
        super(message);
    }

    public FencedStateEpochException(String message, Throwable cause) {
        super(message, cause);
    }
}
