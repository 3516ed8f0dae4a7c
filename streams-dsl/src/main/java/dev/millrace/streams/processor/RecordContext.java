package dev.millrace.streams.processor;

import dev.millrace.common.header.Headers;

/**
 * Where the record being processed came from: source topic, partition, offset, timestamp, headers and the raw
 * source bytes; mirrors Kafka's {@code RecordContext}. For records created by punctuations the topic is null and
 * the partition and offset are -1. Valid only during the call that received it, on the task's stream thread.
 */
public interface RecordContext {

    /** @return the source topic, or null if the record did not come from a topic */
    String topic();

    /** @return the source partition, or -1 */
    int partition();

    /** @return the source offset, or -1 */
    long offset();

    /** @return the record's timestamp in milliseconds */
    long timestamp();

    /** @return the record's headers */
    Headers headers();

    /** @return the key bytes of the source record, or null if unavailable */
    byte[] sourceRawKey();

    /** @return the value bytes of the source record, or null if unavailable */
    byte[] sourceRawValue();
}
