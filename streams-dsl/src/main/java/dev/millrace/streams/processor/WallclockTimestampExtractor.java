package dev.millrace.streams.processor;

import dev.millrace.clients.consumer.ConsumerRecord;

/**
 * Ignores the record and returns the current wall-clock time ({@link System#currentTimeMillis()}), giving
 * processing-time semantics; mirrors Kafka's {@code WallclockTimestampExtractor}. Stateless and thread-safe.
 */
public class WallclockTimestampExtractor implements TimestampExtractor {

    /**
     * Returns the current time.
     *
     * @param record ignored
     * @param partitionTime ignored
     * @return the current wall-clock time in milliseconds
     */
    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        return System.currentTimeMillis();
    }
}
