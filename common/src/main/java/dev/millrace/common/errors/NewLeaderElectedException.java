package dev.millrace.common.errors;

/**
 * The AlterPartition request succeeded but a new leader was elected for the partition.
 *
 * <p>Wire error {@code NEW_LEADER_ELECTED} (code 108). Not retriable.
 */
public class NewLeaderElectedException extends ApiException {
    private static final long serialVersionUID = 1L;

    public NewLeaderElectedException(String message) {
        super(message);
    }

    public NewLeaderElectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
