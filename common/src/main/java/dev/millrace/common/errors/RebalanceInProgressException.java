package dev.millrace.common.errors;

/**
 * The group is rebalancing, so the member has to rejoin.
 *
 * <p>Wire error {@code REBALANCE_IN_PROGRESS} (code 27). Not retriable.
 */
public class RebalanceInProgressException extends ApiException {
    private static final long serialVersionUID = 1L;

    public RebalanceInProgressException() {
        super();
    }

    public RebalanceInProgressException(String message) {
        super(message);
    }

    public RebalanceInProgressException(Throwable cause) {
        super(cause);
    }

    public RebalanceInProgressException(String message, Throwable cause) {
        super(message, cause);
    }
}
