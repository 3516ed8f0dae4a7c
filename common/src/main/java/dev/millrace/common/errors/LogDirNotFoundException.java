package dev.millrace.common.errors;

/**
 * The requested log directory is not known to the broker.
 *
 * <p>Wire error {@code LOG_DIR_NOT_FOUND} (code 57). Not retriable.
 */
public class LogDirNotFoundException extends ApiException {
    private static final long serialVersionUID = 1L;

    public LogDirNotFoundException(String message) {
        super(message);
    }

    public LogDirNotFoundException(Throwable cause) {
        super(cause);
    }

    public LogDirNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
