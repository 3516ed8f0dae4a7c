package dev.millrace.common.errors;

/**
 * The requested snapshot does not exist.
 *
 * <p>Wire error {@code SNAPSHOT_NOT_FOUND} (code 98). Not retriable.
 */
public class SnapshotNotFoundException extends ApiException {
    private static final long serialVersionUID = 1L;

    public SnapshotNotFoundException(String message) {
        super(message);
    }

    public SnapshotNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
