package dev.millrace.common.errors;

/**
 * The request exceeded a throttling quota (for example the controller mutation rate) and was
 * rejected.
 *
 * <p>Wire error {@code THROTTLING_QUOTA_EXCEEDED} (code 89). Retriable: the same request may succeed
 * when sent again after {@link #throttleTimeMs()} milliseconds.
 */
public class ThrottlingQuotaExceededException extends RetriableException {
    private static final long serialVersionUID = 1L;

    private final int throttleTimeMs;

    public ThrottlingQuotaExceededException(String message) {
        this(0, message);
    }

    public ThrottlingQuotaExceededException(String message, Throwable cause) {
        super(message, cause);
        this.throttleTimeMs = 0;
    }

    /**
     * Creates the exception with the time the client should wait.
     *
     * @param throttleTimeMs how long the client should wait before retrying, in milliseconds
     * @param message what happened, as {@code key=value} facts
     */
    public ThrottlingQuotaExceededException(int throttleTimeMs, String message) {
        super(message);
        this.throttleTimeMs = throttleTimeMs;
    }

    /** Returns how long the client should wait before retrying, in milliseconds; 0 when unknown. */
    public int throttleTimeMs() {
        return throttleTimeMs;
    }
}
