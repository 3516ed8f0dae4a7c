package dev.millrace.common.errors;

/**
 * The new leader's high watermark has not caught up since the election; the offset is not available yet.
 *
 * <p>Wire error {@code OFFSET_NOT_AVAILABLE} (code 78). Retriable: the same request may succeed when sent again.
 */
public class OffsetNotAvailableException extends RetriableException {
    private static final long serialVersionUID = 1L;

    public OffsetNotAvailableException(String message) {
        super(message);
    }

    public OffsetNotAvailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
