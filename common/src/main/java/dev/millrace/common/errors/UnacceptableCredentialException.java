package dev.millrace.common.errors;

/**
 * The requested credential does not meet the server's criteria.
 *
 * <p>Wire error {@code UNACCEPTABLE_CREDENTIAL} (code 93). Not retriable.
 */
public class UnacceptableCredentialException extends ApiException {
    private static final long serialVersionUID = 1L;

    public UnacceptableCredentialException(String message) {
        super(message);
    }

    public UnacceptableCredentialException(String message, Throwable cause) {
        super(message, cause);
    }
}
