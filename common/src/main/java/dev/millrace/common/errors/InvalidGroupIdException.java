package dev.millrace.common.errors;

/**
 * The group id is empty or otherwise not valid.
 *
 * <p>Wire error {@code INVALID_GROUP_ID} (code 24). Not retriable.
 */
public class InvalidGroupIdException extends ApiException {
    private static final long serialVersionUID = 1L;

    public InvalidGroupIdException(String message) {
        super(message);
    }

    public InvalidGroupIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
