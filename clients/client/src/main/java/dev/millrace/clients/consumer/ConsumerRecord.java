package dev.millrace.clients.consumer;

import dev.millrace.common.header.Headers;
import dev.millrace.common.header.RecordHeaders;
import dev.millrace.common.record.TimestampType;

import java.util.Optional;

/**
 * STUB.
 * @param <K> k
 * @param <V> v
 */
public class ConsumerRecord<K, V> {
    /** n. */
    public static final int NULL_SIZE = -1;
    private final String topic;
    private final int partition;
    private final long offset;
    private final long timestamp;
    private final TimestampType timestampType;
    private final K key;
    private final V value;
    private final Headers headers;

    /**
     * @param topic t
     * @param partition p
     * @param offset o
     * @param key k
     * @param value v
     */
    public ConsumerRecord(String topic, int partition, long offset, K key, V value) {
        this(topic, partition, offset, -1L, TimestampType.NO_TIMESTAMP_TYPE, NULL_SIZE, NULL_SIZE, key, value,
                new RecordHeaders(), Optional.empty());
    }

    /**
     * @param topic t
     * @param partition p
     * @param offset o
     * @param timestamp ts
     * @param timestampType tt
     * @param serializedKeySize ks
     * @param serializedValueSize vs
     * @param key k
     * @param value v
     * @param headers h
     * @param leaderEpoch e
     */
    public ConsumerRecord(String topic, int partition, long offset, long timestamp, TimestampType timestampType,
                          int serializedKeySize, int serializedValueSize, K key, V value, Headers headers,
                          Optional<Integer> leaderEpoch) {
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.timestamp = timestamp;
        this.timestampType = timestampType;
        this.key = key;
        this.value = value;
        this.headers = headers;
    }

    /** @return t */
    public String topic() {
        return topic;
    }

    /** @return p */
    public int partition() {
        return partition;
    }

    /** @return o */
    public long offset() {
        return offset;
    }

    /** @return ts */
    public long timestamp() {
        return timestamp;
    }

    /** @return tt */
    public TimestampType timestampType() {
        return timestampType;
    }

    /** @return k */
    public K key() {
        return key;
    }

    /** @return v */
    public V value() {
        return value;
    }

    /** @return s */
    public int serializedKeySize() {
        return -1;
    }

    /** @return s */
    public int serializedValueSize() {
        return -1;
    }

    /** @return h */
    public Headers headers() {
        return headers;
    }
}
