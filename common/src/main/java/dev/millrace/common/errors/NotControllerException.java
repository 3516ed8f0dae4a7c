package dev.millrace.common.errors;

/**
 * The broker that received the request is not the active controller.
 *
 * <p>Wire error {@code NOT_CONTROLLER} (code 41). Retriable: the same request may succeed when sent again.
 */
public class NotControllerException extends RetriableException {
    private static final long serialVersionUID = 1L;

    public NotControllerException(String message) {
        super(message);
    }

    public NotControllerException(String message, Throwable cause) {
        super(message, cause);
    }
}
