package dev.millrace.common.errors;

/**
 * The voter key does not match the receiving replica's key.
 *
 * <p>Wire error {@code INVALID_VOTER_KEY} (code 125). Not retriable.
 */
public class InvalidVoterKeyException extends ApiException {
    private static final long serialVersionUID = 1L;

    public InvalidVoterKeyException(String message) {
        super(message);
    }

    public InvalidVoterKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
