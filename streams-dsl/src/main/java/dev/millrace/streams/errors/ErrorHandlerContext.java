package dev.millrace.streams.errors;

import dev.millrace.common.header.Headers;
import dev.millrace.streams.processor.TaskId;

/**
 * What an exception handler knows about the record that failed: its source topic, partition and offset, headers,
 * timestamp, raw source bytes, and the processor node and task that were running; mirrors Kafka's
 * {@code ErrorHandlerContext}. For records created by a punctuation the topic is null and the partition and offset
 * are -1. Valid only during the handler call, on the task's stream thread.
 */
public interface ErrorHandlerContext {

    /** @return the source topic, or null */
    String topic();

    /** @return the source partition, or -1 */
    int partition();

    /** @return the source offset, or -1 */
    long offset();

    /** @return the headers of the record being processed */
    Headers headers();

    /** @return the name of the processor node that failed */
    String processorNodeId();

    /** @return the task that was processing the record */
    TaskId taskId();

    /** @return the timestamp of the record being processed */
    long timestamp();

    /** @return the key bytes of the source record, or null if unavailable */
    byte[] sourceRawKey();

    /** @return the value bytes of the source record, or null if unavailable */
    byte[] sourceRawValue();
}
