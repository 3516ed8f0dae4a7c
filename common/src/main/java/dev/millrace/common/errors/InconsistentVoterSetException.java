package dev.millrace.common.errors;

/**
 * The voter set in the request does not match the quorum's.
 *
 * <p>Wire error {@code INCONSISTENT_VOTER_SET} (code 94). Not retriable.
 */
public class InconsistentVoterSetException extends ApiException {
    private static final long serialVersionUID = 1L;

    public InconsistentVoterSetException(String message) {
        super(message);
    }

    public InconsistentVoterSetException(String message, Throwable cause) {
        super(message, cause);
    }
}
