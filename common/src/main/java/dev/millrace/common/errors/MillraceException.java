package dev.millrace.common.errors;

/**
 * Root of every unchecked exception Millrace throws (mirrors Kafka's {@code KafkaException}).
 *
 * <p>Messages state facts as {@code key=value} pairs so that a log line alone says what went wrong,
 * for example {@code topicPartition=orders-3 expectedEpoch=7 actualEpoch=9}.
 */
public class MillraceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MillraceException(String message) {
        super(message);
    }

    public MillraceException(String message, Throwable cause) {
        super(message, cause);
    }

    public MillraceException(Throwable cause) {
        super(cause);
    }

    public MillraceException() {
        super();
    }
}
