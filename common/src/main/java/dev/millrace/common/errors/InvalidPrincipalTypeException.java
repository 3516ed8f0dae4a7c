package dev.millrace.common.errors;

/**
 * The principal type is not supported.
 *
 * <p>Wire error {@code INVALID_PRINCIPAL_TYPE} (code 67). Not retriable.
 */
public class InvalidPrincipalTypeException extends ApiException {
    private static final long serialVersionUID = 1L;

    public InvalidPrincipalTypeException(String message) {
        super(message);
    }

    public InvalidPrincipalTypeException(String message, Throwable cause) {
        super(message, cause);
    }
}
