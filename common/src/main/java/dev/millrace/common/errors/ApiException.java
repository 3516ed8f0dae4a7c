package dev.millrace.common.errors;

/**
 * An error that a broker reported with an error code in a response, or that the client detected
 * for a single API call. Most concrete subclasses map to exactly one wire error code; an unmapped
 * subclass is reported under the code of its nearest mapped superclass. The mapping lives only in
 * the protocol module's {@code ErrorCode} enum.
 *
 * <p>Api exceptions describe a remote or per-call outcome rather than a local bug, so they do not
 * capture a stack trace.
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
