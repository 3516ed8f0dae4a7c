package dev.millrace.common.errors;

/**
 * The group already has the maximum number of members.
 *
 * <p>Wire error {@code GROUP_MAX_SIZE_REACHED} (code 81). Not retriable.
 */
public class GroupMaxSizeReachedException extends ApiException {
    private static final long serialVersionUID = 1L;

    public GroupMaxSizeReachedException(String message) {
        super(message);
    }

    public GroupMaxSizeReachedException(String message, Throwable cause) {
        super(message, cause);
    }
}
