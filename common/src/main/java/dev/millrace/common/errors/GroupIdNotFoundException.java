package dev.millrace.common.errors;

/**
 * The group id does not exist.
 *
 * <p>Wire error {@code GROUP_ID_NOT_FOUND} (code 69). Not retriable.
 */
public class GroupIdNotFoundException extends ApiException {
    private static final long serialVersionUID = 1L;

    public GroupIdNotFoundException(String message) {
        super(message);
    }

    public GroupIdNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
