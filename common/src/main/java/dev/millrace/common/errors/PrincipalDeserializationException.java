package dev.millrace.common.errors;

/**
 * The principal in the forwarded request could not be deserialized.
 *
 * <p>Wire error {@code PRINCIPAL_DESERIALIZATION_FAILURE} (code 97). Not retriable.
 */
public class PrincipalDeserializationException extends ApiException {
    private static final long serialVersionUID = 1L;

    public PrincipalDeserializationException(String message) {
        super(message);
    }

    public PrincipalDeserializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
