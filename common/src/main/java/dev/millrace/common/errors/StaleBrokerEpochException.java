package dev.millrace.common.errors;

/**
 * The broker epoch has been superseded by a newer one.
 *
 * <p>Wire error {@code STALE_BROKER_EPOCH} (code 77). Not retriable.
 */
public class StaleBrokerEpochException extends ApiException {
    private static final long serialVersionUID = 1L;

    public StaleBrokerEpochException(String message) {
        super(message);
    }

    public StaleBrokerEpochException(String message, Throwable cause) {
        super(message, cause);
    }
}
