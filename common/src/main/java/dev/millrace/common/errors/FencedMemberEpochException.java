package dev.millrace.common.errors;

/**
 * The member epoch is fenced by the group coordinator; the member has to rejoin.
 *
 * <p>Wire error {@code FENCED_MEMBER_EPOCH} (code 110). Not retriable.
 */
public class FencedMemberEpochException extends ApiException {
    private static final long serialVersionUID = 1L;

    public FencedMemberEpochException(String message) {
        super(message);
    }

    public FencedMemberEpochException(String message, Throwable cause) {
        super(message, cause);
    }
}
