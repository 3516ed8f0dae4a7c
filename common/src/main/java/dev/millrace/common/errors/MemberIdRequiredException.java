package dev.millrace.common.errors;

/**
 * The group requires a member id: the member has to rejoin with the id it was given.
 *
 * <p>Wire error {@code MEMBER_ID_REQUIRED} (code 79). Not retriable.
 */
public class MemberIdRequiredException extends ApiException {
    private static final long serialVersionUID = 1L;

    public MemberIdRequiredException(String message) {
        super(message);
    }

    public MemberIdRequiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
