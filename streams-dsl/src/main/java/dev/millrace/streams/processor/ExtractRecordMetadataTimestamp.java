package dev.millrace.streams.processor;

import dev.millrace.clients.consumer.ConsumerRecord;

/**
 * Base of the extractors that use the record's own timestamp (create or log-append time): a non-negative record
 * timestamp is returned as is, a negative one is handed to {@link #onInvalidTimestamp}. Package-private, as in
 * Kafka. Stateless and thread-safe.
 */
abstract class ExtractRecordMetadataTimestamp implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        long timestamp = record.timestamp();
        if (timestamp < 0) {
            return onInvalidTimestamp(record, timestamp, partitionTime);
        }
        return timestamp;
    }

    /**
     * Decides what a record with a negative timestamp gets.
     *
     * @param record the record
     * @param recordTimestamp its (negative) timestamp
     * @param partitionTime the highest timestamp seen so far in the partition, or -1
     * @return the timestamp to use; negative to drop the record
     */
    public abstract long onInvalidTimestamp(ConsumerRecord<Object, Object> record, long recordTimestamp,
                                            long partitionTime);
}
