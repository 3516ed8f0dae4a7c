package dev.millrace.common.errors;

/**
 * The endpoint type of the request is not supported.
 *
 * <p>Wire error {@code UNSUPPORTED_ENDPOINT_TYPE} (code 115). Not retriable.
 */
public class UnsupportedEndpointTypeException extends ApiException {
    private static final long serialVersionUID = 1L;

    public UnsupportedEndpointTypeException(String message) {
        super(message);
    }

    public UnsupportedEndpointTypeException(String message, Throwable cause) {
        super(message, cause);
    }
}
