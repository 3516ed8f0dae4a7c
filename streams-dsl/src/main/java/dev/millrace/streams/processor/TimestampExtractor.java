package dev.millrace.streams.processor;

import dev.millrace.clients.consumer.ConsumerRecord;

/**
 * Assigns the event time of each consumed record; mirrors Kafka's {@code TimestampExtractor}. A negative result
 * makes the runtime drop the record (with a warning and a skipped-records metric). Called on the task's stream
 * thread for every record before it is processed.
 */
@FunctionalInterface
public interface TimestampExtractor {

    /**
     * Extracts a timestamp.
     *
     * @param record the consumed record, already deserialized
     * @param partitionTime the highest timestamp extracted so far in this partition, or -1 if none
     * @return the timestamp in milliseconds; negative to drop the record
     */
    long extract(ConsumerRecord<Object, Object> record, long partitionTime);
}
