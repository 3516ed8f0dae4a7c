package dev.millrace.streams.processor;

import dev.millrace.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uses the record's own timestamp; a record with a negative timestamp is logged at warn level and its negative
 * timestamp returned, so the runtime drops it; mirrors Kafka's {@code LogAndSkipOnInvalidTimestamp}. Stateless
 * and thread-safe.
 */
public class LogAndSkipOnInvalidTimestamp extends ExtractRecordMetadataTimestamp {

    private static final Logger log = LoggerFactory.getLogger(LogAndSkipOnInvalidTimestamp.class);

    /**
     * Logs and returns the negative timestamp so that the record is dropped.
     *
     * @param record the record
     * @param recordTimestamp its (negative) timestamp
     * @param partitionTime ignored
     * @return {@code recordTimestamp}
     */
    @Override
    public long onInvalidTimestamp(ConsumerRecord<Object, Object> record, long recordTimestamp, long partitionTime) {
        log.warn("Input record {} will be dropped because it has an invalid (negative) timestamp.", record);
        return recordTimestamp;
    }
}
