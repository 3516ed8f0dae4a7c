package dev.millrace.clients.consumer;

import dev.millrace.common.header.Headers;
import dev.millrace.common.header.RecordHeaders;
import dev.millrace.common.record.TimestampType;

import java.util.Optional;

/**
 * A key/value pair read from a topic partition, with the offset, timestamp, serialized sizes, headers and leader
 * epoch it was fetched with; mirrors Kafka's {@code ConsumerRecord}.
 *
 * <p>Invariants: the topic and the headers are not null (the constructors throw {@link IllegalArgumentException}
 * otherwise). Unknown sizes are {@link #NULL_SIZE}, an unknown timestamp is {@link #NO_TIMESTAMP} with
 * {@link TimestampType#NO_TIMESTAMP_TYPE}. The optionals are stored as given; callers pass non-null optionals.
 *
 * <p>Like Kafka's class it defines no {@code equals}: records compare by identity. Immutable apart from the
 * headers, which the owner of the record may still change.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class ConsumerRecord<K, V> {

    /** The timestamp of a record that carries none. */
    public static final long NO_TIMESTAMP = -1L;

    /** The serialized size reported when a key or value size is unknown or the key or value is null. */
    public static final int NULL_SIZE = -1;

    private final String topic;
    private final int partition;
    private final long offset;
    private final long timestamp;
    private final TimestampType timestampType;
    private final int serializedKeySize;
    private final int serializedValueSize;
    private final Headers headers;
    private final K key;
    private final V value;
    private final Optional<Integer> leaderEpoch;
    private final Optional<Short> deliveryCount;

    /**
     * Creates a record with only position, key and value known: no timestamp, unknown sizes, empty headers and no
     * leader epoch. Meant for tests and adapters.
     *
     * @param topic the topic, not null
     * @param partition the partition
     * @param offset the offset within the partition
     * @param key the key, may be null
     * @param value the value, may be null
     */
    public ConsumerRecord(String topic, int partition, long offset, K key, V value) {
        this(topic, partition, offset, NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE, NULL_SIZE, NULL_SIZE, key, value,
            new RecordHeaders(), Optional.empty());
    }

    /**
     * Creates a record without a delivery count.
     *
     * @param topic the topic, not null
     * @param partition the partition
     * @param offset the offset within the partition
     * @param timestamp the timestamp in milliseconds, or {@link #NO_TIMESTAMP}
     * @param timestampType what the timestamp means
     * @param serializedKeySize the key's size in bytes, or {@link #NULL_SIZE}
     * @param serializedValueSize the value's size in bytes, or {@link #NULL_SIZE}
     * @param key the key, may be null
     * @param value the value, may be null
     * @param headers the headers, not null
     * @param leaderEpoch the leader epoch the record was written in, if known
     */
    public ConsumerRecord(String topic, int partition, long offset, long timestamp, TimestampType timestampType,
                          int serializedKeySize, int serializedValueSize, K key, V value, Headers headers,
                          Optional<Integer> leaderEpoch) {
        this(topic, partition, offset, timestamp, timestampType, serializedKeySize, serializedValueSize, key, value,
            headers, leaderEpoch, Optional.empty());
    }

    /**
     * Creates a record with every field given.
     *
     * @param topic the topic, not null
     * @param partition the partition
     * @param offset the offset within the partition
     * @param timestamp the timestamp in milliseconds, or {@link #NO_TIMESTAMP}
     * @param timestampType what the timestamp means
     * @param serializedKeySize the key's size in bytes, or {@link #NULL_SIZE}
     * @param serializedValueSize the value's size in bytes, or {@link #NULL_SIZE}
     * @param key the key, may be null
     * @param value the value, may be null
     * @param headers the headers, not null
     * @param leaderEpoch the leader epoch the record was written in, if known
     * @param deliveryCount how often a share group delivered the record, if known
     * @throws IllegalArgumentException if the topic or the headers are null
     */
    public ConsumerRecord(String topic, int partition, long offset, long timestamp, TimestampType timestampType,
                          int serializedKeySize, int serializedValueSize, K key, V value, Headers headers,
                          Optional<Integer> leaderEpoch, Optional<Short> deliveryCount) {
        if (topic == null) {
            throw new IllegalArgumentException("Topic cannot be null");
        }
        if (headers == null) {
            throw new IllegalArgumentException("Headers cannot be null");
        }
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.timestamp = timestamp;
        this.timestampType = timestampType;
        this.serializedKeySize = serializedKeySize;
        this.serializedValueSize = serializedValueSize;
        this.key = key;
        this.value = value;
        this.headers = headers;
        this.leaderEpoch = leaderEpoch;
        this.deliveryCount = deliveryCount;
    }

    /** @return the topic the record was read from */
    public String topic() {
        return topic;
    }

    /** @return the partition the record was read from */
    public int partition() {
        return partition;
    }

    /** @return the headers, never null */
    public Headers headers() {
        return headers;
    }

    /** @return the key, possibly null */
    public K key() {
        return key;
    }

    /** @return the value, possibly null */
    public V value() {
        return value;
    }

    /** @return the offset of the record in its partition */
    public long offset() {
        return offset;
    }

    /** @return the timestamp in milliseconds, or {@link #NO_TIMESTAMP} */
    public long timestamp() {
        return timestamp;
    }

    /** @return what the timestamp means */
    public TimestampType timestampType() {
        return timestampType;
    }

    /** @return the serialized key size in bytes, or {@link #NULL_SIZE} */
    public int serializedKeySize() {
        return serializedKeySize;
    }

    /** @return the serialized value size in bytes, or {@link #NULL_SIZE} */
    public int serializedValueSize() {
        return serializedValueSize;
    }

    /** @return the leader epoch the record was written in, if known */
    public Optional<Integer> leaderEpoch() {
        return leaderEpoch;
    }

    /** @return how often a share group has delivered the record, if known */
    public Optional<Short> deliveryCount() {
        return deliveryCount;
    }

    @Override
    public String toString() {
        return "ConsumerRecord(topic = " + topic
            + ", partition = " + partition
            + ", leaderEpoch = " + leaderEpoch.orElse(null)
            + ", offset = " + offset
            + ", " + timestampType + " = " + timestamp
            + ", deliveryCount = " + deliveryCount.orElse(null)
            + ", serialized key size = " + serializedKeySize
            + ", serialized value size = " + serializedValueSize
            + ", headers = " + headers
            + ", key = " + key
            + ", value = " + value + ")";
    }
}
