package dev.millrace.streams.processor.internals;

import dev.millrace.common.header.Headers;
import dev.millrace.streams.processor.StreamPartitioner;

/**
 * Where a task's sink nodes and changelogging stores send records: the test driver captures them in memory, the
 * runtime hands them to a producer. Sinks serialize before sending (so serialization errors meet the production
 * exception handler in the engine); the collector chooses partitions and deals with send failures.
 *
 * <p>Owning thread: the task's thread.
 */
public interface RecordCollector {

    /**
     * Sends a record to a topic, choosing the partition with {@code partitioner} (typed key and value) or, when it is
     * null, with the default partitioner over the key bytes. A partitioner answering an empty set drops the record.
     *
     * @param topic the topic (internal topics already prefixed with the application id)
     * @param key the key, for the partitioner
     * @param value the value, for the partitioner
     * @param keyBytes the serialized key
     * @param valueBytes the serialized value
     * @param headers the headers
     * @param timestamp the timestamp
     * @param partitioner the partitioner, or null
     * @param sinkName the name of the sending node (for errors)
     * @param <K> the key type
     * @param <V> the value type
     */
    <K, V> void send(String topic, K key, V value, byte[] keyBytes, byte[] valueBytes, Headers headers,
                     long timestamp, StreamPartitioner<? super K, ? super V> partitioner, String sinkName);

    /**
     * Sends an already serialized record to one partition (changelog and dead-letter-queue records).
     *
     * @param topic the topic
     * @param partition the partition, or -1 to let the collector choose from the key
     * @param key the key bytes
     * @param value the value bytes, null for a tombstone
     * @param headers the headers
     * @param timestamp the timestamp
     */
    void sendSerialized(String topic, int partition, byte[] key, byte[] value, Headers headers, long timestamp);
}
