package dev.millrace.common.errors;

/**
 * The principal is not the owner or a renewer of the delegation token.
 *
 * <p>Wire error {@code DELEGATION_TOKEN_OWNER_MISMATCH} (code 63). Not retriable.
 */
public class DelegationTokenOwnerMismatchException extends ApiException {
    private static final long serialVersionUID = 1L;

    public DelegationTokenOwnerMismatchException(String message) {
        super(message);
    }

    public DelegationTokenOwnerMismatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
