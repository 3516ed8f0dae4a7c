package dev.millrace.common.errors;

/**
 * The client has to rebootstrap to obtain fresh cluster metadata.
 *
 * <p>Wire error {@code REBOOTSTRAP_REQUIRED} (code 129). Not retriable.
 */
public class RebootstrapRequiredException extends ApiException {
    private static final long serialVersionUID = 1L;

    public RebootstrapRequiredException(String message) {
        super(message);
    }

    public RebootstrapRequiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
