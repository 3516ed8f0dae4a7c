package dev.millrace.common.errors;

/**
 * Base of the errors meaning the client's view of the cluster metadata is out of date.
 *
 * <p>Has no wire error code of its own. Retriable once the client has refreshed its metadata.
 */
public abstract class InvalidMetadataException extends RefreshRetriableException {
    private static final long serialVersionUID = 1L;

    protected InvalidMetadataException() {
        super();
    }

    protected InvalidMetadataException(String message) {
        super(message);
    }

    protected InvalidMetadataException(Throwable cause) {
        super(cause);
    }

    protected InvalidMetadataException(String message, Throwable cause) {
        super(message, cause);
    }
}
