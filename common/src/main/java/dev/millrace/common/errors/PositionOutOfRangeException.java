package dev.millrace.common.errors;

/**
 * The requested position is not within the snapshot.
 *
 * <p>Wire error {@code POSITION_OUT_OF_RANGE} (code 99). Not retriable.
 */
public class PositionOutOfRangeException extends ApiException {
    private static final long serialVersionUID = 1L;

    public PositionOutOfRangeException(String message) {
        super(message);
    }

    public PositionOutOfRangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
