package dev.millrace.common.errors;

/**
 * The broker did not attempt this operation because another part of the batch failed.
 *
 * <p>Wire error {@code OPERATION_NOT_ATTEMPTED} (code 55). Not retriable.
 */
public class OperationNotAttemptedException extends ApiException {
    private static final long serialVersionUID = 1L;

    public OperationNotAttemptedException(String message) {
        super(message);
    }

    public OperationNotAttemptedException(String message, Throwable cause) {
        super(message, cause);
    }
}
