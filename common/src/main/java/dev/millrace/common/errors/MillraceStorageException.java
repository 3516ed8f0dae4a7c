package dev.millrace.common.errors;

/**
 * A disk holding the partition's log directory failed on the broker.
 *
 * <p>Wire error {@code KAFKA_STORAGE_ERROR} (code 56). Retriable once the client has refreshed its metadata.
 */
public class MillraceStorageException extends InvalidMetadataException {
    private static final long serialVersionUID = 1L;

    public MillraceStorageException() {
        super();
    }

    public MillraceStorageException(String message) {
        super(message);
    }

    public MillraceStorageException(Throwable cause) {
        super(cause);
    }

    public MillraceStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
