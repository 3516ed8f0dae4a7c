package dev.millrace.common.errors;

/**
 * The request was refused by a server-side policy.
 *
 * <p>Wire error {@code POLICY_VIOLATION} (code 44). Not retriable.
 */
public class PolicyViolationException extends ApiException {
    private static final long serialVersionUID = 1L;

    public PolicyViolationException(String message) {
        super(message);
    }

    public PolicyViolationException(String message, Throwable cause) {
        super(message, cause);
    }
}
