package dev.millrace.common.errors;

/**
 * The voter is already part of the voter set.
 *
 * <p>Wire error {@code DUPLICATE_VOTER} (code 126). Not retriable.
 */
public class DuplicateVoterException extends ApiException {
    private static final long serialVersionUID = 1L;

    public DuplicateVoterException(String message) {
        super(message);
    }

    public DuplicateVoterException(String message, Throwable cause) {
        super(message, cause);
    }
}
