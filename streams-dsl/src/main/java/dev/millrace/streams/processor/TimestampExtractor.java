package dev.millrace.streams.processor;

import dev.millrace.clients.consumer.ConsumerRecord;

/** STUB (lead, replaced by the dslapi helper). */
@FunctionalInterface
public interface TimestampExtractor {
    /**
     * Extracts.
     * @param record r
     * @param partitionTime p
     * @return ts
     */
    long extract(ConsumerRecord<Object, Object> record, long partitionTime);
}
