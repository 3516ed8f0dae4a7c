package dev.millrace.common.errors;

/**
 * The leader has no endpoint for the listener the request arrived on.
 *
 * <p>Wire error {@code LISTENER_NOT_FOUND} (code 72). Retriable once the client has refreshed its metadata.
 */
public class ListenerNotFoundException extends InvalidMetadataException {
    private static final long serialVersionUID = 1L;

    public ListenerNotFoundException(String message) {
        super(message);
    }

    public ListenerNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
