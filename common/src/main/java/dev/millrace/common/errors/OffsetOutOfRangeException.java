package dev.millrace.common.errors;

/**
 * The requested offset lies outside the range of offsets the partition currently holds.
 *
 * <p>Wire error {@code OFFSET_OUT_OF_RANGE} (code 1). Not retriable.
 */
public class OffsetOutOfRangeException extends InvalidOffsetException {
    private static final long serialVersionUID = 1L;

    public OffsetOutOfRangeException(String message) {
        super(message);
    }

    public OffsetOutOfRangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
