package dev.millrace.common.errors;

import dev.millrace.common.TopicPartition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record or batch exceeds the largest size the server (or the producer's own limit) accepts.
 *
 * <p>Wire error {@code MESSAGE_TOO_LARGE} (code 10). Not retriable: the same record is refused again.
 * It may name, per partition, the offset of the first record that was too large; that map is copied
 * on construction and read-only afterwards.
 */
public class RecordTooLargeException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** A serializable type on purpose: exceptions are serializable and this travels with it. */
    private final LinkedHashMap<TopicPartition, Long> recordTooLargePartitions;

    public RecordTooLargeException() {
        super();
        this.recordTooLargePartitions = new LinkedHashMap<>();
    }

    public RecordTooLargeException(String message) {
        super(message);
        this.recordTooLargePartitions = new LinkedHashMap<>();
    }

    public RecordTooLargeException(Throwable cause) {
        super(cause);
        this.recordTooLargePartitions = new LinkedHashMap<>();
    }

    public RecordTooLargeException(String message, Throwable cause) {
        super(message, cause);
        this.recordTooLargePartitions = new LinkedHashMap<>();
    }

    /**
     * Creates the exception naming the partitions whose records were too large.
     *
     * @param message what happened, as {@code key=value} facts
     * @param recordTooLargePartitions for each partition, the offset of the first record that was too large
     */
    public RecordTooLargeException(String message, Map<TopicPartition, Long> recordTooLargePartitions) {
        super(message);
        this.recordTooLargePartitions = new LinkedHashMap<>(recordTooLargePartitions);
    }

    /**
     * Returns, for each partition, the offset of the first record that was too large; empty (never
     * null, unlike Kafka's) when the exception was created without that information.
     */
    public Map<TopicPartition, Long> recordTooLargePartitions() {
        return Collections.unmodifiableMap(recordTooLargePartitions);
    }
}
