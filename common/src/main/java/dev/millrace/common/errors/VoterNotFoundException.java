package dev.millrace.common.errors;

/**
 * The voter is not part of the voter set.
 *
 * <p>Wire error {@code VOTER_NOT_FOUND} (code 127). Not retriable.
 */
public class VoterNotFoundException extends ApiException {
    private static final long serialVersionUID = 1L;

    public VoterNotFoundException(String message) {
        super(message);
    }

    public VoterNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
