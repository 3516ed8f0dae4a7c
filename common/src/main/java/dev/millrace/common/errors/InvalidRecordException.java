package dev.millrace.common.errors;

/**
 * A record or batch is well-formed but not acceptable, for example a control batch produced by a
 * client; the broker rejects the whole batch.
 *
 * <p>Wire error {@code INVALID_RECORD} (code 87). Not retriable. Kafka keeps this class in
 * {@code org.apache.kafka.common}; Millrace keeps it next to the other errors, in this package.
 */
public class InvalidRecordException extends InvalidConfigurationException {
    private static final long serialVersionUID = 1L;

    public InvalidRecordException(String message) {
        super(message);
    }

    public InvalidRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
