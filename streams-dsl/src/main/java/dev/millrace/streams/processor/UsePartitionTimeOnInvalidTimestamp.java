package dev.millrace.streams.processor;

import dev.millrace.clients.consumer.ConsumerRecord;
import dev.millrace.streams.errors.StreamsException;

/**
 * Uses the record's own timestamp; a record with a negative timestamp gets the partition time (the highest
 * timestamp seen so far in its partition) instead, and {@link StreamsException} is thrown when the partition time
 * is still unknown; mirrors Kafka's {@code UsePartitionTimeOnInvalidTimestamp}. Stateless and thread-safe.
 */
public class UsePartitionTimeOnInvalidTimestamp extends ExtractRecordMetadataTimestamp {

    /**
     * Returns the partition time.
     *
     * @param record the record
     * @param recordTimestamp its (negative) timestamp
     * @param partitionTime the highest timestamp seen so far in the partition, or negative if none
     * @return {@code partitionTime}
     * @throws StreamsException if the partition time is negative
     */
    @Override
    public long onInvalidTimestamp(ConsumerRecord<Object, Object> record, long recordTimestamp, long partitionTime)
        throws StreamsException {
        if (partitionTime < 0) {
            throw new StreamsException("Could not infer new timestamp for input record " + record
                + " because partition time is unknown.");
        }
        return partitionTime;
    }
}
