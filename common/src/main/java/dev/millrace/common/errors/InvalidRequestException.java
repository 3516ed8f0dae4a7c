package dev.millrace.common.errors;

/**
 * The request is malformed or breaks a protocol rule, for example an API sent before authentication.
 *
 * <p>Wire error {@code INVALID_REQUEST} (code 42). Not retriable.
 */
public class InvalidRequestException extends ApiException {
    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }

    public InvalidRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
