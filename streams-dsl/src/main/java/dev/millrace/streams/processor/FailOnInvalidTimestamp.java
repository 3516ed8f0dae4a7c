package dev.millrace.streams.processor;

import dev.millrace.clients.consumer.ConsumerRecord;
import dev.millrace.streams.errors.StreamsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default extractor: uses the record's own timestamp and fails the task with {@link StreamsException} (after
 * logging the same message at error level) when that timestamp is negative; mirrors Kafka's
 * {@code FailOnInvalidTimestamp}, including its message. Stateless and thread-safe.
 */
public class FailOnInvalidTimestamp extends ExtractRecordMetadataTimestamp {

    private static final Logger log = LoggerFactory.getLogger(FailOnInvalidTimestamp.class);

    /**
     * Throws, after logging, because the record has no usable timestamp.
     *
     * @param record the record
     * @param recordTimestamp its (negative) timestamp
     * @param partitionTime ignored
     * @return never returns normally
     * @throws StreamsException always
     */
    @Override
    public long onInvalidTimestamp(ConsumerRecord<Object, Object> record, long recordTimestamp, long partitionTime)
        throws StreamsException {
        String message = "Input record " + record + " has invalid (negative) timestamp. "
            + "Possibly because a pre-0.10 producer client was used to write this record to Kafka without embedding "
            + "a timestamp, or because the input topic was created before upgrading the Kafka cluster to 0.10+. "
            + "Use a different TimestampExtractor to process this data.";
        log.error(message);
        throw new StreamsException(message);
    }
}
