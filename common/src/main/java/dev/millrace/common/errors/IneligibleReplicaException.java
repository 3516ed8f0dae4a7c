package dev.millrace.common.errors;

/**
 * The new ISR contains at least one replica that is not eligible.
 *
 * <p>Wire error {@code INELIGIBLE_REPLICA} (code 107). Not retriable.
 */
public class IneligibleReplicaException extends ApiException {
    private static final long serialVersionUID = 1L;

    public IneligibleReplicaException(String message) {
        super(message);
    }

    public IneligibleReplicaException(String message, Throwable cause) {
        super(message, cause);
    }
}
