package dev.millrace.common.errors;

/**
 * The broker's authorizer has not finished loading, so it could not decide the request yet.
 *
 * <p>Has no wire error code of its own. Retriable: the same request may succeed when sent again.
 */
public class AuthorizerNotReadyException extends RetriableException {
    private static final long serialVersionUID = 1L;

    public AuthorizerNotReadyException() {
        super();
    }

    public AuthorizerNotReadyException(String message) {
        super(message);
    }

    public AuthorizerNotReadyException(String message, Throwable cause) {
        super(message, cause);
    }
}
