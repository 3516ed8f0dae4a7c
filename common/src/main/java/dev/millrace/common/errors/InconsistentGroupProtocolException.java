package dev.millrace.common.errors;

/**
 * The member's supported protocols do not match those of the group, or its protocol type differs.
 *
 * <p>Wire error {@code INCONSISTENT_GROUP_PROTOCOL} (code 23). Not retriable.
 */
public class InconsistentGroupProtocolException extends ApiException {
    private static final long serialVersionUID = 1L;

    public InconsistentGroupProtocolException(String message) {
        super(message);
    }

    public InconsistentGroupProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
