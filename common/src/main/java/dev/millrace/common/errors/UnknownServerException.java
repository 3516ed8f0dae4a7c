package dev.millrace.common.errors;

/**
 * The server failed with an error it could not classify under any specific code.
 *
 * <p>Wire error {@code UNKNOWN_SERVER_ERROR} (code -1). Not retriable.
 */
public class UnknownServerException extends ApiException {
    private static final long serialVersionUID = 1L;

    public UnknownServerException() {
        super();
    }

    public UnknownServerException(String message) {
        super(message);
    }

    public UnknownServerException(Throwable cause) {
        super(cause);
    }

    public UnknownServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
