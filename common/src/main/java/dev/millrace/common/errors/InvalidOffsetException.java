package dev.millrace.common.errors;

/**
 * Base of the errors meaning that an offset cannot be used, for example because it is out of range.
 *
 * <p>Has no wire error code of its own. Not retriable.
 */
public class InvalidOffsetException extends ApiException {
    private static final long serialVersionUID = 1L;

    public InvalidOffsetException(String message) {
        super(message);
    }

    public InvalidOffsetException(String message, Throwable cause) {
        super(message, cause);
    }
}
