package dev.millrace.common.errors;

/**
 * An error that a broker reported with an error code in a response, or that the client detected
 * for a single API call. Each subclass maps to exactly one wire error code (see {@code ErrorCode}).
 */
public class ApiException extends MillraceException {
    private static final long serialVersionUID = 1L;

    public ApiException(String message) {
        super(message);
    }

    public ApiException(String message, Throwable cause) {
        super(message, cause);
    }

    public ApiException(Throwable cause) {
        super(cause);
    }

    public ApiException() {
        super();
    }

    /** Api exceptions travel as error codes; their stack traces carry no information worth the cost. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
