package dev.millrace.common.errors;

/**
 * The size of the committed offset data is not valid.
 *
 * <p>Wire error {@code INVALID_COMMIT_OFFSET_SIZE} (code 28). Not retriable.
 */
public class InvalidCommitOffsetSizeException extends ApiException {
    private static final long serialVersionUID = 1L;

    public InvalidCommitOffsetSizeException(String message) {
        super(message);
    }

    public InvalidCommitOffsetSizeException(String message, Throwable cause) {
        super(message, cause);
    }
}
