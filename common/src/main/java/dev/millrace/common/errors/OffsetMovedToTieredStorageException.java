package dev.millrace.common.errors;

/**
 * The requested offset has been moved to tiered storage.
 *
 * <p>Wire error {@code OFFSET_MOVED_TO_TIERED_STORAGE} (code 109). Not retriable.
 */
public class OffsetMovedToTieredStorageException extends ApiException {
    private static final long serialVersionUID = 1L;

    public OffsetMovedToTieredStorageException(String message) {
        super(message);
    }

    public OffsetMovedToTieredStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
