package dev.millrace.common.errors;

/**
 * The assignor or its version range is not supported by the consumer group.
 *
 * <p>Wire error {@code UNSUPPORTED_ASSIGNOR} (code 112). Not retriable.
 */
public class UnsupportedAssignorException extends ApiException {
    private static final long serialVersionUID = 1L;

    public UnsupportedAssignorException(String message) {
        super(message);
    }

    public UnsupportedAssignorException(String message, Throwable cause) {
        super(message, cause);
    }
}
