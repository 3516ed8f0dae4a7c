package dev.millrace.common.errors;

/**
 * The group still has members or offsets, so it cannot be deleted.
 *
 * <p>Wire error {@code NON_EMPTY_GROUP} (code 68). Not retriable.
 */
public class GroupNotEmptyException extends ApiException {
    private static final long serialVersionUID = 1L;

    public GroupNotEmptyException(String message) {
        super(message);
    }

    public GroupNotEmptyException(String message, Throwable cause) {
        super(message, cause);
    }
}
