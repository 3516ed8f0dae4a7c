package dev.millrace.common.errors;

/**
 * The connection to the server failed before a response arrived.
 *
 * <p>Wire error {@code NETWORK_EXCEPTION} (code 13). Retriable once the client has refreshed its metadata.
 */
public class NetworkException extends InvalidMetadataException {
    private static final long serialVersionUID = 1L;

    public NetworkException() {
        super();
    }

    public NetworkException(String message) {
        super(message);
    }

    public NetworkException(Throwable cause) {
        super(cause);
    }

    public NetworkException(String message, Throwable cause) {
        super(message, cause);
    }
}
