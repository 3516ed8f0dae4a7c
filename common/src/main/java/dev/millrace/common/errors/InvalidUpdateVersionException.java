package dev.millrace.common.errors;

/**
 * The requested feature update version is not valid.
 *
 * <p>Wire error {@code INVALID_UPDATE_VERSION} (code 95). Not retriable.
 */
public class InvalidUpdateVersionException extends ApiException {
    private static final long serialVersionUID = 1L;

    public InvalidUpdateVersionException(String message) {
        super(message);
    }

    public InvalidUpdateVersionException(String message, Throwable cause) {
        super(message, cause);
    }
}
