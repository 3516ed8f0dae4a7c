package dev.millrace.common.errors;

/**
 * The controller id is not known to the quorum.
 *
 * <p>Wire error {@code UNKNOWN_CONTROLLER_ID} (code 116). Not retriable.
 */
public class UnknownControllerIdException extends ApiException {
    private static final long serialVersionUID = 1L;

    public UnknownControllerIdException(String message) {
        super(message);
    }

    public UnknownControllerIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
