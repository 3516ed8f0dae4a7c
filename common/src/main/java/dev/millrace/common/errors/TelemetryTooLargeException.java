package dev.millrace.common.errors;

/**
 * The client telemetry payload is larger than the broker allows.
 *
 * <p>Wire error {@code TELEMETRY_TOO_LARGE} (code 118). Not retriable.
 */
public class TelemetryTooLargeException extends ApiException {
    private static final long serialVersionUID = 1L;

    public TelemetryTooLargeException(String message) {
        super(message);
    }

    public TelemetryTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }
}
