package dev.millrace.common.errors;

/**
 * The request used an endpoint type that does not match the endpoint it was sent to.
 *
 * <p>Wire error {@code MISMATCHED_ENDPOINT_TYPE} (code 114). Not retriable.
 */
public class MismatchedEndpointTypeException extends ApiException {
    private static final long serialVersionUID = 1L;

    public MismatchedEndpointTypeException(String message) {
        super(message);
    }

    public MismatchedEndpointTypeException(String message, Throwable cause) {
        super(message, cause);
    }
}
