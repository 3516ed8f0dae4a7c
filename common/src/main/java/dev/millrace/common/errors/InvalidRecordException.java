package dev.millrace.common.errors;

/** A record or batch is well-formed but not acceptable, for example a client-produced control batch (code 87). */
public class InvalidRecordException extends ApiException {
    private static final long serialVersionUID = 1L;

    public InvalidRecordException(String message) {
        super(message);
    }

    public InvalidRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
