package dev.millrace.common.errors;

/**
 * The record is not in a state that allows the acknowledgement, so its delivery could not be acknowledged.
 *
 * <p>Wire error {@code INVALID_RECORD_STATE} (code 121). Not retriable.
 */
public class InvalidRecordStateException extends ApiException {
    private static final long serialVersionUID = 1L;

    public InvalidRecordStateException(String message) {
        super(message);
    }

    public InvalidRecordStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
