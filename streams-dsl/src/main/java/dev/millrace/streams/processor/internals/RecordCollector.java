package dev.millrace.streams.processor.internals;

import dev.millrace.common.header.Headers;
import dev.millrace.common.serialization.Serializer;
import dev.millrace.streams.processor.StreamPartitioner;

/**
 * Where a task's sink nodes and changelogging stores send records: the test driver captures them in memory, the
 * runtime hands them to a producer. Implementations serialize, choose partitions and apply the production exception
 * handler.
 *
 * <p>Owning thread: the task's thread.
 */
public interface RecordCollector {

    /**
     * Sends a record to a topic, choosing the partition with {@code partitioner} (or the default partitioner when
     * null).
     *
     * @param topic the topic (internal topics already prefixed with the application id)
     * @param key the key
     * @param value the value
     * @param headers the headers
     * @param timestamp the timestamp
     * @param keySerializer the key serializer
     * @param valueSerializer the value serializer
     * @param partitioner the partitioner, or null
     * @param sinkName the name of the sending node (for errors)
     * @param <K> the key type
     * @param <V> the value type
     */
    <K, V> void send(String topic, K key, V value, Headers headers, long timestamp, Serializer<K> keySerializer,
                     Serializer<V> valueSerializer, StreamPartitioner<? super K, ? super V> partitioner,
                     String sinkName);

    /**
     * Sends an already serialized record to one partition (changelog records).
     *
     * @param topic the topic
     * @param partition the partition
     * @param key the key bytes
     * @param value the value bytes, null for a tombstone
     * @param headers the headers
     * @param timestamp the timestamp
     */
    void sendSerialized(String topic, int partition, byte[] key, byte[] value, Headers headers, long timestamp);
}
