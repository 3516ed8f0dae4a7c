package dev.millrace.common.errors;

/**
 * The controller epoch in the request is older than the current one.
 *
 * <p>Wire error {@code STALE_CONTROLLER_EPOCH} (code 11). Not retriable.
 */
public class ControllerMovedException extends ApiException {
    private static final long serialVersionUID = 1L;

    public ControllerMovedException(String message) {
        super(message);
    }

    public ControllerMovedException(String message, Throwable cause) {
        super(message, cause);
    }
}
